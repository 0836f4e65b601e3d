package io.getaways.search.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A checked search: every filter optional. {@code departFrom}/{@code departTo} keep trips
 * departing on those UTC days; {@code checkIn}/{@code checkOut} keep stays free for every
 * night of [checkIn, checkOut); {@code guests} keeps trips with that many seats left and
 * stays that hold that many.
 */
record SearchRequest(String text, String kind, String country, String city, BigDecimal minPrice, BigDecimal maxPrice,
		LocalDate departFrom, LocalDate departTo, LocalDate checkIn, LocalDate checkOut, Integer guests,
		BigDecimal minRating, SearchSort sort, Cursor after, int size) {

	static final int MAX_TEXT = 200;

	static final int MAX_SIZE = 100;

	boolean hasText() {
		return text != null;
	}

	SearchRequest withText(String newText) {
		return new SearchRequest(newText, kind, country, city, minPrice, maxPrice, departFrom, departTo, checkIn,
				checkOut, guests, minRating, sort, after, size);
	}

}
