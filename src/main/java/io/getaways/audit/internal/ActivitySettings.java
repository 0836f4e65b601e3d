package io.getaways.audit.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The activity stream's bounds: queue capacity, the largest batch one write takes, how often the writer drains the
 * queue, and how long events are kept.
 */
@ConfigurationProperties("getaways.activity")
record ActivitySettings(Integer queueCapacity, Integer batchSize, Duration flushInterval, Duration retention) {

	ActivitySettings {
		queueCapacity = atLeastOne("queue-capacity", queueCapacity, 10_000);
		batchSize = atLeastOne("batch-size", batchSize, 500);
		flushInterval = flushInterval == null ? Duration.ofMillis(500) : flushInterval;
		retention = retention == null ? Duration.ofDays(90) : retention;
		if (flushInterval.isNegative() || flushInterval.isZero()) {
			throw new IllegalArgumentException("getaways.activity.flush-interval must be positive but was " + flushInterval);
		}
		if (retention.compareTo(Duration.ofHours(1)) < 0) {
			throw new IllegalArgumentException("getaways.activity.retention must be at least 1h but was " + retention);
		}
	}

	private static int atLeastOne(String name, Integer value, int fallback) {
		if (value == null) {
			return fallback;
		}
		if (value < 1) {
			throw new IllegalArgumentException("getaways.activity." + name + " must be at least 1 but was " + value);
		}
		return value;
	}
}
