package io.getaways.payment.internal;

import java.util.Map;

import io.getaways.platform.DomainException;

/**
 * Keys are kept per user, so a caller without one (an OAuth2 client acting for itself)
 * cannot send one. Refused rather than ignored: a client that sends a key relies on it
 * against paying twice.
 */
class IdempotencyKeyWithoutUserException extends DomainException {

	IdempotencyKeyWithoutUserException() {
		super(Kind.UNAUTHENTICATED, "An Idempotency-Key is kept per signed-in user; sign in as a user to send one");
	}

	@Override
	public Map<String, String> headers() {
		return Map.of("WWW-Authenticate", "Bearer");
	}

}
