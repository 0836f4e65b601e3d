package io.getaways.platform.outbox;

import java.time.Duration;

import io.getaways.platform.config.AtLeast;
import io.getaways.platform.config.PositiveDuration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox is kept: incomplete publications older than {@code resubmitMinAge} are
 * handed to their listeners again every {@code resubmitInterval}, completed ones are
 * deleted after {@code retention}, and health reports the backlog as stalled once its
 * oldest entry is older than {@code stalledAfter}. Listener state marks wait in a queue
 * of {@code marksQueueCapacity} for the batching writer; beyond that, the listener's
 * thread writes its own.
 */
@ConfigurationProperties("getaways.outbox")
@Validated
record OutboxSettings(@DefaultValue("30s") @PositiveDuration Duration resubmitInterval,
		@DefaultValue("1m") @PositiveDuration Duration resubmitMinAge,
		@DefaultValue("100") @AtLeast("1") int resubmitBatchSize,
		@DefaultValue("7d") @PositiveDuration Duration retention,
		@DefaultValue("5m") @PositiveDuration Duration stalledAfter, @DefaultValue("5s") Duration statusCacheTime,
		@DefaultValue("100000") @AtLeast("1") int marksQueueCapacity) {
}
