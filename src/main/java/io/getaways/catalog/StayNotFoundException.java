package io.getaways.catalog;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

public class StayNotFoundException extends ApiException {

	private final String code;

	public StayNotFoundException(String code) {
		super(HttpStatus.NOT_FOUND, "Stay " + code + " not found");
		this.code = code;
	}

	public String code() {
		return code;
	}
}
