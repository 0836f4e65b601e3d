package io.getaways.catalog;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

public class TripCodeTakenException extends ApiException {

	public TripCodeTakenException(String code) {
		super(HttpStatus.CONFLICT, "Trip code " + code + " is already taken");
	}
}
