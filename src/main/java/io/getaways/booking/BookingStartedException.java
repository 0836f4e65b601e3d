package io.getaways.booking;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.getaways.platform.DomainException;

/** A traveller cancels only before the trip departs or the stay begins. */
public class BookingStartedException extends DomainException {

	private final UUID id;

	private final Instant startedAt;

	public BookingStartedException(UUID id, Instant startedAt) {
		super(Kind.CONFLICT, "Booking " + id + " started at " + startedAt + " and can no longer be cancelled");
		this.id = id;
		this.startedAt = startedAt;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("bookingId", id.toString(), "startsAt", startedAt.toString());
	}

}
