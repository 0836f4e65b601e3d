package io.getaways.booking;

import java.util.Map;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

/** The trip or stay exists but is not on sale: inactive, or already departed. */
public class NotBookableException extends ApiException {

	private final String code;

	public NotBookableException(String what, String code, String why) {
		super(HttpStatus.CONFLICT, what + " " + code + " cannot be booked: " + why);
		this.code = code;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("code", code);
	}
}
