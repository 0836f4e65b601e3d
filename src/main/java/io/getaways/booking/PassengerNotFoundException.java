package io.getaways.booking;

import java.util.Map;
import java.util.UUID;

import io.getaways.platform.DomainException;

/** No such passenger on that booking. */
public class PassengerNotFoundException extends DomainException {

	private final UUID bookingId;

	private final UUID passengerId;

	public PassengerNotFoundException(UUID bookingId, UUID passengerId) {
		super(Kind.NOT_FOUND, "Passenger " + passengerId + " not found on booking " + bookingId);
		this.bookingId = bookingId;
		this.passengerId = passengerId;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("bookingId", bookingId.toString(), "passengerId", passengerId.toString());
	}

}
