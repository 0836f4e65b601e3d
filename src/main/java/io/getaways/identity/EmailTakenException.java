package io.getaways.identity;

import io.getaways.platform.DomainException;

public class EmailTakenException extends DomainException {

	public EmailTakenException() {
		super(Kind.CONFLICT, "An account with this email already exists");
	}

}
