package io.getaways.identity;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

/** Sign-in failed; deliberately the same answer whether or not the email exists. */
public class InvalidCredentialsException extends ApiException {

	public InvalidCredentialsException() {
		super(HttpStatus.UNAUTHORIZED, "Invalid email or password");
	}
}
