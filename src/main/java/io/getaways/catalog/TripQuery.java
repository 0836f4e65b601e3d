package io.getaways.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Filters, order and page of a trip search. Every filter is optional; the order always ends with the trip code, so
 * pages are stable. {@code status} null means any status, which only catalog administration asks for.
 */
public record TripQuery(String text, String resort, BigDecimal minPrice, BigDecimal maxPrice, LocalDate departFrom,
		LocalDate departTo, Sort sort, ListingStatus status, int page, int size) {

	public static final int MAX_SIZE = 100;

	public enum Sort {
		DEPARTURE, PRICE, NAME
	}

	public TripQuery {
		sort = sort == null ? Sort.DEPARTURE : sort;
	}

	/** A search of active trips, as the public sees them. */
	public TripQuery(String text, String resort, BigDecimal minPrice, BigDecimal maxPrice, LocalDate departFrom,
			LocalDate departTo, Sort sort, int page, int size) {
		this(text, resort, minPrice, maxPrice, departFrom, departTo, sort, ListingStatus.ACTIVE, page, size);
	}

	public long offset() {
		return (long) page * size;
	}
}
