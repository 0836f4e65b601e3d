package io.getaways.catalog;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

public class StayCodeTakenException extends ApiException {

	public StayCodeTakenException(String code) {
		super(HttpStatus.CONFLICT, "Stay code " + code + " is already taken");
	}
}
