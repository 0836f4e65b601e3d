package io.getaways.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code getaways_outbox_backlog}, {@code getaways_outbox_failed} and
 * {@code getaways_outbox_oldest_age_seconds}.
 */
@Component
class OutboxMetrics implements MeterBinder {

	private final OutboxBacklog backlog;

	OutboxMetrics(OutboxBacklog backlog) {
		this.backlog = backlog;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("getaways.outbox.backlog", backlog, b -> safely(b, s -> s.backlog()))
			.description("Event publications not yet completed")
			.register(registry);
		Gauge.builder("getaways.outbox.failed", backlog, b -> safely(b, s -> s.failed()))
			.description("Event publications whose listener failed, waiting for resubmission")
			.register(registry);
		Gauge.builder("getaways.outbox.oldest.age", backlog, b -> safely(b, s -> s.oldestAge().toMillis() / 1000.0))
			.description("Age of the oldest incomplete event publication")
			.baseUnit("seconds")
			.register(registry);
	}

	// a scrape during a PostgreSQL outage reports no value rather than failing the whole
	// scrape
	private static double safely(OutboxBacklog backlog, java.util.function.ToDoubleFunction<OutboxStatus> figure) {
		try {
			return figure.applyAsDouble(backlog.status());
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
