package io.getaways.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Extends the hash chain every {@code getaways.audit.seal-interval}. Safe with several
 * instances: the sealer's advisory lock lets one seal at a time, and the others then find
 * nothing left.
 */
@Component
class AuditSealJob {

	private static final Logger log = LoggerFactory.getLogger(AuditSealJob.class);

	private final AuditSealer sealer;

	private volatile boolean failing;

	AuditSealJob(AuditSealer sealer) {
		this.sealer = sealer;
	}

	@Scheduled(fixedDelayString = "${getaways.audit.seal-interval:1s}",
			initialDelayString = "${getaways.audit.seal-interval:1s}")
	void seal() {
		try {
			int sealed = sealer.seal("audit-seal");
			if (failing) {
				log.info("Audit: sealing works again");
				failing = false;
			}
			log.debug("Audit: sealed {} entries", sealed);
		}
		catch (DataAccessException | TransactionException ex) {
			// one warning per outage, not one per second; the entries wait and are sealed
			// once PostgreSQL is back
			if (!failing) {
				log.warn("Audit: sealing failed, will retry every interval: {}", ex.getMessage());
				failing = true;
			}
		}
	}

}
