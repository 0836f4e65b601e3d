package io.getaways.payment.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code getaways.payments.idempotency}: requests with a key, by what became of them. */
@Component
class IdempotencyMetrics {

	private final Counter executed;

	private final Counter replayed;

	private final Counter mismatch;

	private final Counter inProgress;

	IdempotencyMetrics(MeterRegistry registry) {
		this.executed = counter(registry, "executed");
		this.replayed = counter(registry, "replayed");
		this.mismatch = counter(registry, "mismatch");
		this.inProgress = counter(registry, "in-progress");
	}

	void executed() {
		executed.increment();
	}

	void replayed() {
		replayed.increment();
	}

	void mismatch() {
		mismatch.increment();
	}

	void inProgress() {
		inProgress.increment();
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("getaways.payments.idempotency")
			.description("Requests with an Idempotency-Key, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

}
