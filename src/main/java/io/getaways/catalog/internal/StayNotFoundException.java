package io.getaways.catalog.internal;

import io.getaways.catalog.internal.Stay;
import io.getaways.platform.DomainException;

public class StayNotFoundException extends DomainException {

	private final String code;

	public StayNotFoundException(String code) {
		super(Kind.NOT_FOUND, "Stay " + code + " not found");
		this.code = code;
	}

	public String code() {
		return code;
	}

}
