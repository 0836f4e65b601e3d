package io.getaways.identity;

import io.getaways.platform.DomainException;

public class InvalidTokenException extends DomainException {

	public InvalidTokenException(String detail) {
		super(Kind.UNAUTHENTICATED, detail);
	}

}
