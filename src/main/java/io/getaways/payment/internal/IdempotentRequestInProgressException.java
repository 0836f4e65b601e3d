package io.getaways.payment.internal;

import java.time.Duration;
import java.util.Map;

import io.getaways.platform.DomainException;

/**
 * The first request with this key is still running after the duplicate waited as long as
 * it may.
 */
class IdempotentRequestInProgressException extends DomainException {

	private static final String RETRY_AFTER_SECONDS = "1";

	IdempotentRequestInProgressException(String key, Duration waited) {
		super(Kind.CONFLICT, "A request with Idempotency-Key '" + key + "' is still in progress after waiting "
				+ waited.toMillis() + " ms; retry later for its answer");
	}

	@Override
	public Map<String, String> headers() {
		return Map.of("Retry-After", RETRY_AFTER_SECONDS);
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("header", IdempotentRequestHandler.KEY_HEADER);
	}

}
