package io.getaways.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** The facts of a trip, as PostgreSQL holds them. */
public record Trip(String code, String name, String resort, Instant departsAt, int nights, BigDecimal pricePerPerson,
		String currency, int capacity, int seatsBooked, TripStatus status, long contentVersion) {

	public int seatsLeft() {
		return capacity - seatsBooked;
	}
}
