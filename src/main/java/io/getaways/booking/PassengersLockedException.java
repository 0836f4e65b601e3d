package io.getaways.booking;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.getaways.platform.DomainException;

/**
 * The passengers of a booking can no longer be changed: the edit cut-off before departure
 * has passed, or the booking is cancelled or completed.
 */
public class PassengersLockedException extends DomainException {

	private final UUID bookingId;

	public PassengersLockedException(UUID bookingId, String why) {
		super(Kind.CONFLICT, "Passengers of booking " + bookingId + " can no longer be changed: " + why);
		this.bookingId = bookingId;
	}

	public static PassengersLockedException cutOff(UUID bookingId, Instant lockedAt, Instant startsAt) {
		return new PassengersLockedException(bookingId,
				"changes closed at " + lockedAt + ", before the start at " + startsAt);
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("bookingId", bookingId.toString());
	}

}
