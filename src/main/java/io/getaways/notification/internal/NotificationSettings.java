package io.getaways.notification.internal;

import java.time.Duration;

import io.getaways.platform.config.AtLeast;
import io.getaways.platform.config.NonBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The notifier's pace: how often it looks for queued notifications, how many it sends per
 * run, how often a failing one is retried, and after how long a claim by an instance that
 * stopped mid-send is given up.
 */
@ConfigurationProperties("getaways.notifications")
@Validated
record NotificationSettings(@DefaultValue("logging") @NonBlank String sender, @DefaultValue("2s") Duration interval,
		@DefaultValue("100") @AtLeast("1") int batchSize, @DefaultValue("5") @AtLeast("1") int maxAttempts,
		@DefaultValue("30s") Duration retryDelay, @DefaultValue("5m") Duration claimTimeout) {
}
