package io.getaways.identity.internal;

import java.util.UUID;
import java.util.function.Supplier;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions of the sign-in paths, which run before anyone is signed in: as the account
 * being signed in (so row-level security and the audit log see that user), or as the
 * system for the throttle's counters, which belong to no account.
 */
@Component
class IdentityTransactions {

	private final TransactionTemplate transactions;

	IdentityTransactions(TransactionTemplate transactions) {
		this.transactions = transactions;
	}

	<T> T asUser(UUID userId, Supplier<T> work) {
		Actor actor = ActorContext.current().withUser(userId.toString(), null, Actor.Role.CUSTOMER);
		return ActorContext.callAs(actor, () -> transactions.execute(status -> work.get()));
	}

	<T> T asSystem(Supplier<T> work) {
		return ActorContext.callAs(ActorContext.current().as(Actor.Role.SYSTEM),
				() -> transactions.execute(status -> work.get()));
	}

	/** As whoever is acting now: the callers' reads that need no other actor. */
	<T> T asCurrent(Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

}
