package io.getaways.catalog;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

public class TripNotFoundException extends ApiException {

	private final String code;

	public TripNotFoundException(String code) {
		super(HttpStatus.NOT_FOUND, "Trip " + code + " not found");
		this.code = code;
	}

	public String code() {
		return code;
	}
}
