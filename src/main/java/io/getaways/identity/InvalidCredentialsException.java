package io.getaways.identity;

import io.getaways.platform.DomainException;

/** Sign-in failed; deliberately the same answer whether or not the email exists. */
public class InvalidCredentialsException extends DomainException {

	public InvalidCredentialsException() {
		super(Kind.UNAUTHENTICATED, "Invalid email or password");
	}

}
