package io.getaways.review.internal;

import java.util.Map;
import java.util.UUID;

import io.getaways.platform.DomainException;

/**
 * The caller's booking does not entitle them to a review (yet): only a completed booking
 * does.
 */
class BookingNotReviewableException extends DomainException {

	private final String status;

	private BookingNotReviewableException(String detail, String status) {
		super(Kind.CONFLICT, detail);
		this.status = status;
	}

	static BookingNotReviewableException inStatus(UUID bookingId, String status) {
		return new BookingNotReviewableException(
				"Booking " + bookingId + " is " + status + "; only a completed booking can be reviewed", status);
	}

	/**
	 * The database's eligibility trigger refused after the check here passed: the booking
	 * changed in between.
	 */
	static BookingNotReviewableException refusedByDatabase(UUID bookingId) {
		return new BookingNotReviewableException(
				"Booking " + bookingId + " cannot be reviewed; only a completed booking can be reviewed", null);
	}

	@Override
	public Map<String, Object> properties() {
		return status == null ? Map.of() : Map.of("bookingStatus", status);
	}

}
