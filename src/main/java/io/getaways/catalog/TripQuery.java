package io.getaways.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Filters, order and page of a trip search. Every filter is optional; the order always ends with the trip code, so
 * pages are stable.
 */
public record TripQuery(String text, String resort, BigDecimal minPrice, BigDecimal maxPrice, LocalDate departFrom,
		LocalDate departTo, Sort sort, int page, int size) {

	public static final int MAX_SIZE = 100;

	public enum Sort {
		DEPARTURE, PRICE, NAME
	}

	public TripQuery {
		sort = sort == null ? Sort.DEPARTURE : sort;
	}

	public long offset() {
		return (long) page * size;
	}
}
