package io.getaways.catalog.internal.cache;

import java.time.Duration;

import io.getaways.platform.config.PositiveDuration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How catalog reads are cached in Redis: a time to live per cache, how long the cache is
 * bypassed after a Redis failure, and how long a read waits for another request already
 * loading the same entry before loading it itself.
 */
@ConfigurationProperties("getaways.cache")
@Validated
record CacheSettings(@DefaultValue("10m") @PositiveDuration Duration tripTtl,
		@DefaultValue("10m") @PositiveDuration Duration stayTtl, @DefaultValue("2m") @PositiveDuration Duration pageTtl,
		@DefaultValue("2s") @PositiveDuration Duration pauseAfterFailure,
		@DefaultValue("2s") @PositiveDuration Duration loadWait) {
}
