package io.getaways.audit.internal;

import java.time.Duration;

import io.getaways.platform.config.AtLeast;
import io.getaways.platform.config.PositiveDuration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The activity stream's bounds: queue capacity, the largest batch one write takes, how
 * often the writer drains the queue, and how long events are kept.
 */
@ConfigurationProperties("getaways.activity")
@Validated
record ActivitySettings(@DefaultValue("10000") @AtLeast("1") int queueCapacity,
		@DefaultValue("500") @AtLeast("1") int batchSize,
		@DefaultValue("500ms") @PositiveDuration Duration flushInterval,
		@DefaultValue("90d") @AtLeast("1h") Duration retention) {
}
