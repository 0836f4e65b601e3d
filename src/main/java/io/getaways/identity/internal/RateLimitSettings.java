package io.getaways.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets per caller: {@code anonymous} applies per client address, {@code authenticated} per user, API key or
 * OAuth2 client. Rows in {@code system.rate_limit_overrides} replace these for one subject.
 */
@ConfigurationProperties("getaways.rate-limit")
record RateLimitSettings(boolean enabled, Limit anonymous, Limit authenticated) {

	RateLimitSettings {
		anonymous = anonymous == null ? new Limit(120, 120) : anonymous;
		authenticated = authenticated == null ? new Limit(600, 600) : authenticated;
	}

	record Limit(int capacity, int refillPerMinute) {

		Limit {
			if (capacity < 1 || refillPerMinute < 1) {
				throw new IllegalArgumentException(
						"getaways.rate-limit capacity and refill-per-minute must be 1 or more but were " + capacity
								+ " and " + refillPerMinute);
			}
		}
	}
}
