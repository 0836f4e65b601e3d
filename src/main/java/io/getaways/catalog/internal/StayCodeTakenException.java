package io.getaways.catalog.internal;

import io.getaways.catalog.internal.Stay;
import io.getaways.platform.DomainException;

public class StayCodeTakenException extends DomainException {

	public StayCodeTakenException(String code) {
		super(Kind.CONFLICT, "Stay code " + code + " is already taken");
	}

}
