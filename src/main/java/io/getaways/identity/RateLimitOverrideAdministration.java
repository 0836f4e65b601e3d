package io.getaways.identity;

import java.util.List;

/**
 * Per-subject rate limits for admins: every override, set one (insert or replace), remove
 * one. Changes reach every instance's rate limiter within its reload interval
 * ({@code getaways.rate-limit.overrides-reload-interval}), this instance's at once.
 */
public interface RateLimitOverrideAdministration {

	List<RateLimitOverride> overrides();

	RateLimitOverride set(String subject, int capacity, int refillPerMinute, String note);

	/** False when the subject had no override. */
	boolean remove(String subject);

}
