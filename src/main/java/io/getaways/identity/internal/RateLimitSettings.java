package io.getaways.identity.internal;

import io.getaways.platform.config.AtLeast;
import jakarta.validation.Valid;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token buckets per caller: {@code anonymous} applies per client address,
 * {@code authenticated} per user, API key or OAuth2 client. Rows in
 * {@code system.rate_limit_overrides} replace these for one subject.
 */
@ConfigurationProperties("getaways.rate-limit")
@Validated
record RateLimitSettings(@DefaultValue("true") boolean enabled, @Valid @DefaultValue Anonymous anonymous,
		@Valid @DefaultValue Authenticated authenticated) {

	/** A bucket of {@code capacity} requests, refilled by {@code refillPerMinute}. */
	interface Limit {

		int capacity();

		int refillPerMinute();

		/**
		 * A limit from elsewhere than these settings, such as an override row (whose
		 * table checks the same).
		 */
		static Limit of(int capacity, int refillPerMinute) {
			return new Given(capacity, refillPerMinute);
		}

	}

	/** Two types rather than one, because the two callers' defaults differ. */
	record Anonymous(@DefaultValue("120") @AtLeast("1") int capacity,
			@DefaultValue("120") @AtLeast("1") int refillPerMinute) implements Limit {
	}

	record Authenticated(@DefaultValue("600") @AtLeast("1") int capacity,
			@DefaultValue("600") @AtLeast("1") int refillPerMinute) implements Limit {
	}

	record Given(int capacity, int refillPerMinute) implements Limit {
	}
}
