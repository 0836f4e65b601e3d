package io.getaways.payment.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** A class rather than a record only because a record cannot have a component named {@code wait}. */
@ConfigurationProperties("getaways.payments.idempotency")
class IdempotencySettings {

	private final Duration wait;
	private final Duration retention;
	private final Duration abandonAfter;

	/**
	 * @param wait how long a duplicate request waits for the first one's answer before it gets 409 with Retry-After
	 * @param retention how long a key and its answer are kept; a key older than this starts afresh
	 * @param abandonAfter an unfinished key older than this (its request died with its instance) may be taken over by
	 * a retry of the same request
	 */
	IdempotencySettings(Duration wait, Duration retention, Duration abandonAfter) {
		this.wait = wait == null ? Duration.ofSeconds(10) : wait;
		this.retention = retention == null ? Duration.ofHours(24) : retention;
		this.abandonAfter = abandonAfter == null ? Duration.ofMinutes(5) : abandonAfter;
		if (this.wait.isNegative() || this.wait.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException(
					"getaways.payments.idempotency.wait must be between 0 and 1m but was " + this.wait);
		}
		if (this.retention.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException(
					"getaways.payments.idempotency.retention must be at least 1m but was " + this.retention);
		}
		if (this.abandonAfter.compareTo(this.wait) <= 0 || this.abandonAfter.compareTo(this.retention) > 0) {
			throw new IllegalArgumentException("getaways.payments.idempotency.abandon-after must be longer than wait ("
					+ this.wait + ") and at most retention (" + this.retention + ") but was " + this.abandonAfter);
		}
	}

	Duration duplicateWait() {
		return wait;
	}

	Duration retention() {
		return retention;
	}

	Duration abandonAfter() {
		return abandonAfter;
	}
}
