package io.getaways.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Filters, order and page of a stay search. Every filter is optional; {@code checkIn} and {@code checkOut} come
 * together and keep only stays free for every night of [checkIn, checkOut). The order always ends with the stay code,
 * so pages are stable. {@code status} null means any status, which only catalog administration asks for.
 */
public record StayQuery(String text, String country, String city, Integer guests, LocalDate checkIn,
		LocalDate checkOut, BigDecimal minPrice, BigDecimal maxPrice, Sort sort, ListingStatus status, int page,
		int size) {

	public static final int MAX_SIZE = 100;

	public enum Sort {
		/** Name, then code. */
		NAME,
		/** Price per night, lowest first. */
		PRICE,
		/** Average rating, best first; unrated stays last. */
		RATING
	}

	public StayQuery {
		sort = sort == null ? Sort.NAME : sort;
		if ((checkIn == null) != (checkOut == null)) {
			throw new IllegalArgumentException("checkIn and checkOut come together");
		}
	}

	public long offset() {
		return (long) page * size;
	}
}
