package io.getaways.identity;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

public class EmailTakenException extends ApiException {

	public EmailTakenException() {
		super(HttpStatus.CONFLICT, "An account with this email already exists");
	}
}
