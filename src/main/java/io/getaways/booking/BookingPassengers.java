package io.getaways.booking;

import java.util.List;

/** A booking with its passengers decrypted, as its traveller's data export shows it. */
public record BookingPassengers(Booking booking, List<Passenger> passengers) {

	public BookingPassengers {
		passengers = List.copyOf(passengers);
	}

}
