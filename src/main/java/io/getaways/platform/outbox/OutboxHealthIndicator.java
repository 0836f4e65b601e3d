package io.getaways.platform.outbox;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog and the age of its oldest incomplete publication. A stalled outbox
 * (oldest older than {@code getaways.outbox.stalled-after}) reports STALLED: projections
 * lag, but the service still answers, so it is never part of readiness.
 */
@Component("outboxHealthIndicator")
class OutboxHealthIndicator extends AbstractHealthIndicator {

	static final Status STALLED = new Status("STALLED", "The oldest incomplete publication is older than allowed");

	private final OutboxBacklog backlog;

	private final OutboxSettings settings;

	OutboxHealthIndicator(OutboxBacklog backlog, OutboxSettings settings) {
		super("Outbox health check failed");
		this.backlog = backlog;
		this.settings = settings;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		OutboxStatus status = backlog.status();
		boolean stalled = status.oldestAge().compareTo(settings.stalledAfter()) > 0;
		builder.status(stalled ? STALLED : Status.UP)
			.withDetail("backlog", status.backlog())
			.withDetail("failed", status.failed())
			.withDetail("oldestAgeSeconds", status.oldestAge().toSeconds())
			.withDetail("stalledAfterSeconds", settings.stalledAfter().toSeconds());
	}

}
