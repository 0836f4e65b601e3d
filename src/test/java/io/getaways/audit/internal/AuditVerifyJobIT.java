package io.getaways.audit.internal;

import java.time.Instant;
import java.util.Map;

import io.getaways.audit.AuditLog;
import io.getaways.audit.AuditPage;
import io.getaways.audit.AuditQuery;
import io.getaways.audit.VerificationResult;
import io.getaways.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled verification walks the real chain and exports what it found, for the
 * alerts that read it.
 */
@IntegrationTest
class AuditVerifyJobIT {

	@Autowired
	AuditVerifyJob job;

	@Autowired
	MeterRegistry registry;

	@Test
	void aVerificationOfTheRealChainExportsIntactAndItsTime() {
		long before = Instant.now().getEpochSecond();
		job.verify();
		assertThat(registry.get("getaways.audit.chain.intact").gauge().value()).isEqualTo(1.0);
		assertThat(registry.get("getaways.audit.chain.verified.timestamp").gauge().value())
			.isGreaterThanOrEqualTo(before);
	}

	@Test
	void aBrokenChainIsExportedAsZeroAndBeforeAnyRunThereIsNoVerdict() {
		SimpleMeterRegistry own = new SimpleMeterRegistry();
		AuditVerifyJob broken = new AuditVerifyJob(new Verdict(VerificationResult.broken(10, 7, "content hash")), own);
		assertThat(own.get("getaways.audit.chain.intact").gauge().value()).isNaN();
		broken.verify();
		assertThat(own.get("getaways.audit.chain.intact").gauge().value()).isEqualTo(0.0);
	}

	/**
	 * An audit log whose verification has a fixed outcome, for the verdict a real chain
	 * must not reach.
	 */
	private record Verdict(VerificationResult result) implements AuditLog {

		@Override
		public VerificationResult verify() {
			return result;
		}

		@Override
		public AuditPage search(AuditQuery query) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long recordEvent(String kind, String recordId, Map<String, String> details) {
			throw new UnsupportedOperationException();
		}

	}

}
