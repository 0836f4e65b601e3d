package io.getaways.booking;

import java.util.UUID;

/**
 * What became of one booking of a bulk import: the booking's id, or the field and reason
 * it was rejected for.
 */
public record ImportedTripBookingOutcome(UUID bookingId, String field, String reason) {

	public static ImportedTripBookingOutcome inserted(UUID bookingId) {
		return new ImportedTripBookingOutcome(bookingId, null, null);
	}

	public static ImportedTripBookingOutcome rejected(String field, String reason) {
		return new ImportedTripBookingOutcome(null, field, reason);
	}

	public boolean isRejected() {
		return bookingId == null;
	}

}
