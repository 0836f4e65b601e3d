package io.getaways.review.internal;

import java.util.UUID;

import io.getaways.platform.DomainException;

/**
 * No booking of the caller's with this id; someone else's booking is answered the same,
 * so ids reveal nothing.
 */
class BookingNotFoundException extends DomainException {

	BookingNotFoundException(UUID bookingId) {
		super(Kind.NOT_FOUND, "Booking " + bookingId + " not found");
	}

}
