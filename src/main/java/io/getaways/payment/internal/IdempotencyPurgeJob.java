package io.getaways.payment.internal;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes expired idempotency keys every
 * {@code getaways.payments.idempotency.purge-interval}, in batches of short transactions
 * so that it never holds many row locks at once. Safe with several instances: they delete
 * the same expired rows, and whoever comes second finds them gone. Until it runs, an
 * expired key already counts as absent.
 */
@Component
class IdempotencyPurgeJob {

	static final String JOB_NAME = "idempotency-purge";

	private static final int BATCH = 1_000;

	private static final Logger log = LoggerFactory.getLogger(IdempotencyPurgeJob.class);

	private final IdempotencyKeys keys;

	private final TransactionTemplate transactions;

	private volatile boolean failing;

	IdempotencyPurgeJob(IdempotencyKeys keys, TransactionTemplate transactions) {
		this.keys = keys;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${getaways.payments.idempotency.purge-interval:10m}",
			initialDelayString = "${getaways.payments.idempotency.purge-interval:10m}")
	void run() {
		try {
			int purged = purge();
			if (failing) {
				log.info("Payments: purging idempotency keys works again");
				failing = false;
			}
			if (purged > 0) {
				log.debug("Payments: purged {} expired idempotency keys", purged);
			}
		}
		catch (DataAccessException | TransactionException ex) {
			// one warning per outage; expired keys are ignored by requests meanwhile, so
			// waiting costs only space
			if (!failing) {
				log.warn("Payments: purging idempotency keys failed, will retry every interval: {}", ex.getMessage());
				failing = true;
			}
		}
	}

	/** Deletes every key expired now, as the purge job; returns how many. */
	int purge() {
		return ActorContext.callAs(Actor.job(JOB_NAME), () -> {
			int total = 0;
			int purged;
			do {
				purged = transactions.execute(status -> keys.purgeExpired(BATCH));
				total += purged;
			}
			while (purged == BATCH);
			return total;
		});
	}

}
