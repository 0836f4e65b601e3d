package io.getaways.search.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One listing found. {@code snippet} is plain text of the description (or the name) in
 * which matched words are wrapped in {@code <mark>…</mark>}; {@code score} is the rank
 * the relevance order uses.
 */
record SearchHit(String kind, String code, String name, String place, String country, String city, BigDecimal price,
		String currency, BigDecimal rating, int reviewCount, Instant departsAt, Integer nights, Integer seatsLeft,
		Integer maxGuests, double score, String snippet) {
}
