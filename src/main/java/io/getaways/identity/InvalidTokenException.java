package io.getaways.identity;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

public class InvalidTokenException extends ApiException {

	public InvalidTokenException(String detail) {
		super(HttpStatus.UNAUTHORIZED, detail);
	}
}
