package io.getaways.catalog;

import io.getaways.platform.DomainException;

public class TripNotFoundException extends DomainException {

	private final String code;

	public TripNotFoundException(String code) {
		super(Kind.NOT_FOUND, "Trip " + code + " not found");
		this.code = code;
	}

	public String code() {
		return code;
	}

}
