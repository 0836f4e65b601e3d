package io.getaways.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The facts of a trip or stay that a search index needs, whatever the kind. Fields that
 * only one kind has are null for the other.
 *
 * @param kind {@code trip} or {@code stay}
 * @param id the row id, which availability functions take
 * @param place a trip's resort, a stay's city
 * @param country a stay's country; null for trips, which the catalog holds no country of
 * @param city a stay's city; null for trips
 * @param price per person for a trip, per night for a stay
 * @param startsAt a trip's departure
 * @param seatsLeft a trip's unsold seats
 * @param maxGuests how many guests a stay holds
 * @param updatedAt when the row last changed, so an index can tell it is behind
 */
public record SearchableListing(String kind, long id, String code, String name, String place, String country,
		String city, BigDecimal price, String currency, ListingStatus status, BigDecimal ratingAverage, int reviewCount,
		Instant startsAt, Integer nights, Integer seatsLeft, Integer maxGuests, long contentVersion,
		Instant updatedAt) {

	public static final String TRIP = "trip";

	public static final String STAY = "stay";

}
