package io.getaways.payment.internal;

import java.util.List;
import java.util.Map;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

/** The key already stands for another request (method, path or body) of the same caller. */
class IdempotencyKeyReusedException extends ApiException {

	IdempotencyKeyReusedException(String key) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key '" + key
				+ "' was already used for a different request; send a new key for a new request");
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", List.of(Map.of("parameter", IdempotentRequestHandler.KEY_HEADER, "message",
				"was already used for a different request")));
	}
}
