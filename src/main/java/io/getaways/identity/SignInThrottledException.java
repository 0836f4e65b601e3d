package io.getaways.identity;

import java.time.Duration;
import java.util.Map;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

/** Too many failed sign-ins for this account or address; the client may try again after {@code retryAfter}. */
public class SignInThrottledException extends ApiException {

	private final Duration retryAfter;

	public SignInThrottledException(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS,
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
