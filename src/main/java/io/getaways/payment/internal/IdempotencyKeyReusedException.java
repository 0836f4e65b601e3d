package io.getaways.payment.internal;

import java.util.List;
import java.util.Map;

import io.getaways.platform.DomainException;

/**
 * The key already stands for another request (method, path or body) of the same caller.
 */
class IdempotencyKeyReusedException extends DomainException {

	IdempotencyKeyReusedException(String key) {
		super(Kind.UNPROCESSABLE, "Idempotency-Key '" + key
				+ "' was already used for a different request; send a new key for a new request");
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", List.of(Map.of("parameter", IdempotentRequestHandler.KEY_HEADER, "message",
				"was already used for a different request")));
	}

}
