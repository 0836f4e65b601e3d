package io.getaways.identity;

import java.time.Instant;

/**
 * A rate limit for one subject in place of the default: {@code user:<id>},
 * {@code apikey:<id>}, {@code client:<client id>} or {@code ip:<address>}.
 */
public record RateLimitOverride(String subject, int capacity, int refillPerMinute, String note, Instant updatedAt) {

	/** The subjects' shapes, as the table's check constraint has them. */
	public static final String SUBJECT = "^(user|apikey|ip|client):[^\\s]{1,200}$";

}
