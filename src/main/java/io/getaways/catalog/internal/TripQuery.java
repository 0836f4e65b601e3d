package io.getaways.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.getaways.catalog.ListingStatus;

/**
 * Filters, order and page of a trip search. Every filter is optional; the order always
 * ends with the trip code, so pages are stable. {@code status} null means any status,
 * which only catalog administration asks for.
 */
public record TripQuery(String text, String resort, BigDecimal minPrice, BigDecimal maxPrice, LocalDate departFrom,
		LocalDate departTo, Sort sort, ListingStatus status, int page, int size) {

	public static final int MAX_SIZE = 100;

	public enum Sort {

		DEPARTURE, PRICE, NAME,
		/** Average rating, best first; unrated trips last. */
		RATING

	}

	public TripQuery {
		sort = sort == null ? Sort.DEPARTURE : sort;
	}

	/**
	 * Active trips, as the public sees them: no filter, in departure order, the first
	 * page of 20.
	 */
	public static TripQuery active() {
		return byStatus(ListingStatus.ACTIVE);
	}

	/**
	 * Trips in the status, or in any status when it is null, which only catalog
	 * administration asks for.
	 */
	public static TripQuery byStatus(ListingStatus status) {
		return new TripQuery(null, null, null, null, null, null, Sort.DEPARTURE, status, 0, 20);
	}

	/** Text in the name or resort. */
	public TripQuery withText(String text) {
		return new TripQuery(text, resort, minPrice, maxPrice, departFrom, departTo, sort, status, page, size);
	}

	public TripQuery withResort(String resort) {
		return new TripQuery(text, resort, minPrice, maxPrice, departFrom, departTo, sort, status, page, size);
	}

	/** Price per person, both bounds inclusive, either one null. */
	public TripQuery withPrice(BigDecimal minPrice, BigDecimal maxPrice) {
		return new TripQuery(text, resort, minPrice, maxPrice, departFrom, departTo, sort, status, page, size);
	}

	/** Departure day in UTC, both bounds inclusive, either one null. */
	public TripQuery withDeparture(LocalDate departFrom, LocalDate departTo) {
		return new TripQuery(text, resort, minPrice, maxPrice, departFrom, departTo, sort, status, page, size);
	}

	public TripQuery sortedBy(Sort sort) {
		return new TripQuery(text, resort, minPrice, maxPrice, departFrom, departTo, sort, status, page, size);
	}

	public TripQuery onPage(int page, int size) {
		return new TripQuery(text, resort, minPrice, maxPrice, departFrom, departTo, sort, status, page, size);
	}

	public long offset() {
		return (long) page * size;
	}
}
