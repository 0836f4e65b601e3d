package io.getaways.booking;

import java.util.Map;

import io.getaways.platform.DomainException;

/** The trip or stay exists but is not on sale: inactive, or already departed. */
public class NotBookableException extends DomainException {

	private final String code;

	public NotBookableException(String what, String code, String why) {
		super(Kind.CONFLICT, what + " " + code + " cannot be booked: " + why);
		this.code = code;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("code", code);
	}

}
