package io.getaways.audit.internal;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calls {@code audit.seal()}, always in a transaction of its own, because it must come
 * before any write in it.
 */
@Component
class AuditSealer {

	/** Bounds one sealing transaction; a larger backlog is sealed over several runs. */
	static final int MAX_ENTRIES_PER_RUN = 10_000;

	private static final String SEAL = "SELECT audit.seal(:maxEntries)";

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	private final TransactionTemplate ownTransaction;

	AuditSealer(JdbcClient jdbc, StoreMetrics metrics, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.metrics = metrics;
		this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Seals what can be sealed now, as the named job; returns how many entries it sealed.
	 */
	int seal(String jobName) {
		return ActorContext.callAs(Actor.job(jobName),
				() -> ownTransaction.execute(status -> metrics.record(Store.POSTGRES, "audit.seal",
						() -> jdbc.sql(SEAL).param("maxEntries", MAX_ENTRIES_PER_RUN).query(Integer.class).single())));
	}

}
