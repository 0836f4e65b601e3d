package io.getaways.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A trip's facts as a booking needs them; the price is captured on the booking, so later
 * changes never reach it.
 */
public record BookableTrip(long id, String code, Instant departsAt, int nights, BigDecimal pricePerPerson,
		String currency, int capacity, int seatsBooked, ListingStatus status) {

	public Instant returnsAt() {
		return departsAt.plus(java.time.Duration.ofDays(nights));
	}

	public int seatsLeft() {
		return capacity - seatsBooked;
	}
}
