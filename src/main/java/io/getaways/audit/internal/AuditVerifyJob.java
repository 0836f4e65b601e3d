package io.getaways.audit.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.getaways.audit.AuditLog;
import io.getaways.audit.VerificationResult;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Verifies the whole hash chain every {@code getaways.audit.verify-interval} (1h), on one
 * instance at a time, so tampering is found without an operator running
 * {@code audit verify}. Its outcome is a metric an alert reads:
 * {@code getaways_audit_chain_intact} (1 intact, 0 broken, no value before the first run)
 * and {@code getaways_audit_chain_verified_timestamp_seconds} (the last completed run;
 * the start of this instance until then, so "not verified for hours" counts from there).
 */
@Component
class AuditVerifyJob {

	private static final Logger log = LoggerFactory.getLogger(AuditVerifyJob.class);

	private final AuditLog auditLog;

	private volatile double intact = Double.NaN;

	private final AtomicLong verifiedAt = new AtomicLong(Instant.now().getEpochSecond());

	private volatile Verified last;

	/** A verdict and when it was reached. */
	record Verified(VerificationResult result, Instant at) {
	}

	AuditVerifyJob(AuditLog auditLog, MeterRegistry registry) {
		this.auditLog = auditLog;
		Gauge.builder("getaways.audit.chain.intact", () -> intact)
			.description("1 when the last verification found the audit hash chain intact, 0 when broken")
			.register(registry);
		Gauge.builder("getaways.audit.chain.verified.timestamp", verifiedAt, AtomicLong::get)
			.description("When the audit hash chain was last verified (this instance's start until then)")
			.baseUnit("seconds")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${getaways.audit.verify-interval:1h}",
			initialDelayString = "${getaways.audit.verify-initial-delay:5m}")
	@SchedulerLock(name = "audit-verify", lockAtMostFor = "PT1H")
	void verify() {
		try {
			VerificationResult result = ActorContext.callAs(Actor.job("audit-verify"), auditLog::verify);
			record(result);
			if (result.isIntact()) {
				log.info("Audit: chain intact, {} entries checked", result.entriesChecked());
			}
			else {
				log.error("Audit: chain BROKEN at entry {}: {}", result.firstBrokenId(), result.reason());
			}
		}
		catch (DataAccessException | TransactionException ex) {
			// not a verdict: the timestamp stays, and the "not verified" alert fires if
			// this
			// goes on
			log.warn("Audit: verification could not run: {}", ex.getMessage());
		}
	}

	/**
	 * Keeps a verdict, from this job or an admin's run, for the gauges and the console.
	 */
	void record(VerificationResult result) {
		intact = result.isIntact() ? 1 : 0;
		verifiedAt.set(Instant.now().getEpochSecond());
		last = new Verified(result, Instant.now());
	}

	/** The last verdict on this instance since it started, or null. */
	Verified last() {
		return last;
	}

}
