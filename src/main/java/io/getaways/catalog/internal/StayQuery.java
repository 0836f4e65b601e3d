package io.getaways.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.getaways.catalog.ListingStatus;

/**
 * Filters, order and page of a stay search. Every filter is optional; {@code checkIn} and
 * {@code checkOut} come together and keep only stays free for every night of [checkIn,
 * checkOut). The order always ends with the stay code, so pages are stable.
 * {@code status} null means any status, which only catalog administration asks for.
 */
public record StayQuery(String text, String country, String city, Integer guests, LocalDate checkIn, LocalDate checkOut,
		BigDecimal minPrice, BigDecimal maxPrice, Sort sort, ListingStatus status, int page, int size) {

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

	/**
	 * Active stays, as the public sees them: no filter, in name order, the first page of
	 * 20.
	 */
	public static StayQuery active() {
		return byStatus(ListingStatus.ACTIVE);
	}

	/**
	 * Stays in the status, or in any status when it is null, which only catalog
	 * administration asks for.
	 */
	public static StayQuery byStatus(ListingStatus status) {
		return new StayQuery(null, null, null, null, null, null, null, null, Sort.NAME, status, 0, 20);
	}

	/** Text in the name, city or country. */
	public StayQuery withText(String text) {
		return new StayQuery(text, country, city, guests, checkIn, checkOut, minPrice, maxPrice, sort, status, page,
				size);
	}

	/** Whole country and city names, case-insensitive, either one null. */
	public StayQuery withPlace(String country, String city) {
		return new StayQuery(text, country, city, guests, checkIn, checkOut, minPrice, maxPrice, sort, status, page,
				size);
	}

	/** Stays that hold at least this many guests. */
	public StayQuery withGuests(Integer guests) {
		return new StayQuery(text, country, city, guests, checkIn, checkOut, minPrice, maxPrice, sort, status, page,
				size);
	}

	/** Free for every night of [checkIn, checkOut); both or neither. */
	public StayQuery withDates(LocalDate checkIn, LocalDate checkOut) {
		return new StayQuery(text, country, city, guests, checkIn, checkOut, minPrice, maxPrice, sort, status, page,
				size);
	}

	/** Price per night, both bounds inclusive, either one null. */
	public StayQuery withPrice(BigDecimal minPrice, BigDecimal maxPrice) {
		return new StayQuery(text, country, city, guests, checkIn, checkOut, minPrice, maxPrice, sort, status, page,
				size);
	}

	public StayQuery sortedBy(Sort sort) {
		return new StayQuery(text, country, city, guests, checkIn, checkOut, minPrice, maxPrice, sort, status, page,
				size);
	}

	public StayQuery onPage(int page, int size) {
		return new StayQuery(text, country, city, guests, checkIn, checkOut, minPrice, maxPrice, sort, status, page,
				size);
	}

	public long offset() {
		return (long) page * size;
	}
}
