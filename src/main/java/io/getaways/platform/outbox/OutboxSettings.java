package io.getaways.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox is kept: incomplete publications older than {@code resubmitMinAge} are handed to their listeners
 * again every {@code resubmitInterval}, completed ones are deleted after {@code retention}, and health reports the
 * backlog as stalled once its oldest entry is older than {@code stalledAfter}. Listener state marks wait in a queue of
 * {@code marksQueueCapacity} for the batching writer; beyond that, the listener's thread writes its own.
 */
@ConfigurationProperties("getaways.outbox")
record OutboxSettings(Duration resubmitInterval, Duration resubmitMinAge, int resubmitBatchSize, Duration retention,
		Duration stalledAfter, Duration statusCacheTime, int marksQueueCapacity) {

	OutboxSettings {
		resubmitInterval = positive("resubmit-interval", resubmitInterval, Duration.ofSeconds(30));
		resubmitMinAge = positive("resubmit-min-age", resubmitMinAge, Duration.ofMinutes(1));
		retention = positive("retention", retention, Duration.ofDays(7));
		stalledAfter = positive("stalled-after", stalledAfter, Duration.ofMinutes(5));
		statusCacheTime = statusCacheTime == null ? Duration.ofSeconds(5) : statusCacheTime;
		if (marksQueueCapacity == 0) {
			marksQueueCapacity = 100_000;
		}
		if (marksQueueCapacity < 1) {
			throw new IllegalArgumentException(
					"getaways.outbox.marks-queue-capacity must be at least 1 but was " + marksQueueCapacity);
		}
		if (resubmitBatchSize == 0) {
			resubmitBatchSize = 100;
		}
		if (resubmitBatchSize < 1) {
			throw new IllegalArgumentException(
					"getaways.outbox.resubmit-batch-size must be at least 1 but was " + resubmitBatchSize);
		}
	}

	private static Duration positive(String name, Duration value, Duration fallback) {
		if (value == null) {
			return fallback;
		}
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("getaways.outbox." + name + " must be positive but was " + value);
		}
		return value;
	}
}
