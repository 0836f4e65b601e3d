package io.getaways.platform.crypto;

import io.getaways.platform.DomainException;

/**
 * A key-encryption key that stored data or a write needs is not configured, or is not the
 * right one. A request meeting it is answered 503: the operator's configuration is at
 * fault, not the request.
 */
public class KeyNotAvailableException extends DomainException {

	private final String keyId;

	public KeyNotAvailableException(String keyId, String message) {
		super(Kind.UNAVAILABLE, message);
		this.keyId = keyId;
	}

	public String keyId() {
		return keyId;
	}

}
