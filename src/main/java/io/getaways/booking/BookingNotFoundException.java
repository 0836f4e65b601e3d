package io.getaways.booking;

import java.util.Map;
import java.util.UUID;

import io.getaways.platform.DomainException;

/**
 * No such booking, or not the caller's: the two are one answer, so that ids cannot be
 * probed.
 */
public class BookingNotFoundException extends DomainException {

	private final UUID id;

	public BookingNotFoundException(UUID id) {
		super(Kind.NOT_FOUND, "Booking " + id + " not found");
		this.id = id;
	}

	public UUID id() {
		return id;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("bookingId", id.toString());
	}

}
