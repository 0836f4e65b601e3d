package io.getaways.identity;

import java.time.Duration;
import java.util.Map;

import io.getaways.platform.DomainException;

/**
 * Too many failed sign-ins for this account or address; the client may try again after
 * {@code retryAfter}.
 */
public class SignInThrottledException extends DomainException {

	private final Duration retryAfter;

	public SignInThrottledException(Duration retryAfter) {
		super(Kind.THROTTLED,
				"Too many failed sign-in attempts; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	@Override
	public Map<String, String> headers() {
		return Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("retryAfterSeconds", Math.max(1, retryAfter.toSeconds()));
	}

}
