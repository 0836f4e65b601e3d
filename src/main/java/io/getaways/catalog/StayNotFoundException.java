package io.getaways.catalog;

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
