package io.getaways.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.getaways.identity.UserAccount;
import io.getaways.platform.ActorContext;
import io.getaways.platform.DomainException;
import io.getaways.platform.InvalidParameterException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an operator does to accounts after creating them: list, grant and revoke roles,
 * reset a password (the next sign-in must change it), disable and enable. Each change is
 * one transaction acting as the operator, so the audit log names who did it, and ends the
 * account's sessions where the change should.
 */
@Component
class UserAdministration {

	private final UserRepository users;

	private final PasswordHasher hasher;

	private final RefreshTokens refreshTokens;

	private final SignInEvents events;

	private final TransactionTemplate transactions;

	UserAdministration(UserRepository users, PasswordHasher hasher, RefreshTokens refreshTokens, SignInEvents events,
			TransactionTemplate transactions) {
		this.users = users;
		this.hasher = hasher;
		this.refreshTokens = refreshTokens;
		this.events = events;
		this.transactions = transactions;
	}

	List<UserAccount> list(String role) {
		return asOperator(() -> {
			if (role != null) {
				requireKnownRole(role);
			}
			return users.list(role);
		});
	}

	UserAccount grant(String email, String role) {
		return change(email, id -> {
			requireKnownRole(role);
			users.grantRole(id, role, null);
			events.record("ROLE_GRANTED", id.toString(), Map.of("role", role));
		});
	}

	UserAccount revoke(String email, String role) {
		return change(email, id -> {
			requireKnownRole(role);
			users.revokeRole(id, role);
			events.record("ROLE_REVOKED", id.toString(), Map.of("role", role));
		});
	}

	UserAccount disable(String email) {
		return change(email, id -> {
			users.setStatus(id, "DISABLED");
			refreshTokens.revokeAll(id);
			events.record("USER_DISABLED", id.toString(), Map.of());
		});
	}

	UserAccount enable(String email) {
		return change(email, id -> {
			users.setStatus(id, "ACTIVE");
			events.record("USER_ENABLED", id.toString(), Map.of());
		});
	}

	/** The new password is hashed before any transaction opens. */
	UserAccount resetPassword(String email, String newPassword) {
		AccountRules.checkPassword("password", newPassword);
		String hash = hasher.hash(newPassword);
		return change(email, id -> {
			users.setPassword(id, hash, true);
			refreshTokens.revokeAll(id);
			events.record("PASSWORD_RESET", id.toString(), Map.of());
		});
	}

	private UserAccount change(String email, Consumer<UUID> work) {
		return asOperator(() -> {
			UUID id = users.idOf(email == null ? "" : email.trim()).orElseThrow(() -> new NoSuchAccount(email));
			work.accept(id);
			return users.find(id).orElseThrow();
		});
	}

	private void requireKnownRole(String role) {
		List<String> known = users.roleNames();
		if (!known.contains(role)) {
			throw new InvalidParameterException("role", "'" + role + "' is not one of " + known);
		}
	}

	private <T> T asOperator(Supplier<T> work) {
		return ActorContext.callAs(Operators.current("getaways users"),
				() -> transactions.execute(status -> work.get()));
	}

	static class NoSuchAccount extends DomainException {

		NoSuchAccount(String email) {
			super(Kind.NOT_FOUND, "No account with email " + email);
		}

	}

}
