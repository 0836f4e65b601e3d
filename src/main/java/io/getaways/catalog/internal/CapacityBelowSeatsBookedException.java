package io.getaways.catalog.internal;

import java.util.Map;

import io.getaways.catalog.Trip;
import io.getaways.platform.DomainException;

/**
 * A trip's capacity may not drop below the seats already booked; those bookings stand.
 */
public class CapacityBelowSeatsBookedException extends DomainException {

	private final String code;

	private final int capacity;

	private final int seatsBooked;

	public CapacityBelowSeatsBookedException(String code, int capacity, int seatsBooked) {
		super(Kind.CONFLICT, "Trip " + code + " has " + seatsBooked + " seat(s) booked, more than the capacity "
				+ capacity + " asked for");
		this.code = code;
		this.capacity = capacity;
		this.seatsBooked = seatsBooked;
	}

	public int seatsBooked() {
		return seatsBooked;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("tripCode", code, "capacity", capacity, "seatsBooked", seatsBooked);
	}

}
