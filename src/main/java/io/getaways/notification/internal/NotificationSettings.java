package io.getaways.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The notifier's pace: how often it looks for queued notifications, how many it sends per run, how often a failing
 * one is retried, and after how long a claim by an instance that stopped mid-send is given up.
 */
@ConfigurationProperties("getaways.notifications")
record NotificationSettings(String sender, Duration interval, Integer batchSize, Integer maxAttempts,
		Duration retryDelay, Duration claimTimeout) {

	NotificationSettings {
		sender = sender == null || sender.isBlank() ? "logging" : sender;
		interval = interval == null ? Duration.ofSeconds(2) : interval;
		batchSize = batchSize == null ? 100 : batchSize;
		maxAttempts = maxAttempts == null ? 5 : maxAttempts;
		retryDelay = retryDelay == null ? Duration.ofSeconds(30) : retryDelay;
		claimTimeout = claimTimeout == null ? Duration.ofMinutes(5) : claimTimeout;
		if (batchSize < 1 || maxAttempts < 1) {
			throw new IllegalArgumentException("getaways.notifications.batch-size and max-attempts must be at least 1"
					+ " but were " + batchSize + " and " + maxAttempts);
		}
	}
}
