package io.getaways.catalog;

import io.getaways.platform.DomainException;

public class TripCodeTakenException extends DomainException {

	public TripCodeTakenException(String code) {
		super(Kind.CONFLICT, "Trip code " + code + " is already taken");
	}

}
