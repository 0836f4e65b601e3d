package io.getaways.review.internal;

import java.util.UUID;

import io.getaways.platform.ApiException;
import org.springframework.http.HttpStatus;

/** No booking of the caller's with this id; someone else's booking is answered the same, so ids reveal nothing. */
class BookingNotFoundException extends ApiException {

	BookingNotFoundException(UUID bookingId) {
		super(HttpStatus.NOT_FOUND, "Booking " + bookingId + " not found");
	}
}
