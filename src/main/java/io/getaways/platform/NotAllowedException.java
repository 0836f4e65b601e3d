package io.getaways.platform;

import org.springframework.http.HttpStatus;

/** The caller is known but its role may not do this; answered 403 whichever way the call arrived. */
public class NotAllowedException extends ApiException {

	public NotAllowedException(String detail) {
		super(HttpStatus.FORBIDDEN, detail);
	}
}
