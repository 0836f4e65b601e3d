package io.getaways.booking.internal;

import java.util.Map;

import io.getaways.platform.DomainException;

/**
 * Concurrent transactions kept winning over this one, or kept it waiting; the client may
 * simply send it again.
 */
class BookingsBusyException extends DomainException {

	BookingsBusyException(String operation, int attempts, Throwable lastFailure) {
		super(Kind.UNAVAILABLE,
				"The " + operation + " request lost to concurrent ones " + attempts + " times; try again");
		initCause(lastFailure);
	}

	BookingsBusyException(String operation, int running, java.time.Duration waited) {
		super(Kind.UNAVAILABLE, "The " + operation + " request waited " + waited.toMillis() + " ms behind " + running
				+ " booking transactions already running; try again");
	}

	@Override
	public Map<String, String> headers() {
		return Map.of("Retry-After", "1");
	}

}
