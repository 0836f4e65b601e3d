package io.getaways.booking.internal;

import java.util.Map;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

/** Concurrent transactions kept winning over this one; the client may simply send it again. */
class BookingsBusyException extends ApiException {

	BookingsBusyException(String operation, int attempts, Throwable lastFailure) {
		super(HttpStatus.SERVICE_UNAVAILABLE,
				"The " + operation + " request lost to concurrent ones " + attempts + " times; try again");
		initCause(lastFailure);
	}

	@Override
	public Map<String, String> headers() {
		return Map.of("Retry-After", "1");
	}
}
