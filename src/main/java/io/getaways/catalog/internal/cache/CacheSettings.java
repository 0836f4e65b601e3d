package io.getaways.catalog.internal.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How catalog reads are cached in Redis: a time to live per cache, how long the cache is bypassed after a Redis
 * failure, and how long a read waits for another request already loading the same entry before loading it itself.
 */
@ConfigurationProperties("getaways.cache")
record CacheSettings(Duration tripTtl, Duration stayTtl, Duration pageTtl, Duration pauseAfterFailure,
		Duration loadWait) {

	CacheSettings {
		tripTtl = positive("trip-ttl", tripTtl, Duration.ofMinutes(10));
		stayTtl = positive("stay-ttl", stayTtl, Duration.ofMinutes(10));
		pageTtl = positive("page-ttl", pageTtl, Duration.ofMinutes(2));
		pauseAfterFailure = positive("pause-after-failure", pauseAfterFailure, Duration.ofSeconds(2));
		loadWait = positive("load-wait", loadWait, Duration.ofSeconds(2));
	}

	private static Duration positive(String name, Duration value, Duration fallback) {
		if (value == null) {
			return fallback;
		}
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("getaways.cache." + name + " must be positive but was " + value);
		}
		return value;
	}
}
