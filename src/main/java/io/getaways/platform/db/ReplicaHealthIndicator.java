package io.getaways.platform.db;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Each replica's state, replay position and lag as the last check found them. A replica
 * out of service never makes the service unhealthy (reads fall back to the primary), so
 * the status is UP while any serves and UNKNOWN while none does; readiness ignores it.
 */
final class ReplicaHealthIndicator extends AbstractHealthIndicator {

	private final ReplicaSet replicas;

	ReplicaHealthIndicator(ReplicaSet replicas) {
		super("replica health check failed");
		this.replicas = replicas;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean anyServes = false;
		Map<String, Object> details = new LinkedHashMap<>();
		for (Replica replica : replicas.replicas()) {
			ReplicaStatus status = replica.status();
			anyServes |= status.serves();
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("state", status.state());
			detail.put("replayLsn", status.replayLsn() < 0 ? null : Lsn.format(status.replayLsn()));
			detail.put("lagBytes", status.lagBytes());
			detail.put("lagSeconds", status.lagSeconds());
			detail.put("checkedAt", status.checkedAt().toString());
			if (status.detail() != null) {
				detail.put("detail", status.detail());
			}
			details.put(replica.name(), detail);
		}
		(anyServes ? builder.up() : builder.unknown())
			.withDetail("maxLagSeconds", replicas.settings().maxLag().toMillis() / 1000.0)
			.withDetails(details);
	}

}
