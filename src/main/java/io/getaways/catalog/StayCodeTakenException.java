package io.getaways.catalog;

import io.getaways.platform.DomainException;

public class StayCodeTakenException extends DomainException {

	public StayCodeTakenException(String code) {
		super(Kind.CONFLICT, "Stay code " + code + " is already taken");
	}
}
