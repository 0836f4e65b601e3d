package io.getaways.booking;

import java.util.Map;
import java.util.UUID;

import io.getaways.platform.DomainException;

/** The transition asked for does not start from the booking's current status. */
public class BookingStatusConflictException extends DomainException {

	private final UUID id;

	private final BookingStatus status;

	/** {@code action} completes "cannot be ...": paid, cancelled. */
	public BookingStatusConflictException(UUID id, String action, BookingStatus status) {
		super(Kind.CONFLICT, "Booking " + id + " cannot be " + action + " in status " + status);
		this.id = id;
		this.status = status;
	}

	public BookingStatus bookingStatus() {
		return status;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("bookingId", id.toString(), "status", status.name());
	}

}
