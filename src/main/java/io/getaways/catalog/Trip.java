package io.getaways.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The facts of a trip, as PostgreSQL holds them. {@code ratingAverage} is null until the
 * first review; rating and review count are kept by the database's review triggers.
 */
public record Trip(String code, String name, String resort, Instant departsAt, int nights, BigDecimal pricePerPerson,
		String currency, int capacity, int seatsBooked, ListingStatus status, long contentVersion,
		BigDecimal ratingAverage, int reviewCount) implements Listing {

	public int seatsLeft() {
		return capacity - seatsBooked;
	}
}
