package io.getaways.catalog.internal.cache;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import io.getaways.catalog.internal.StayQuery;
import io.getaways.catalog.internal.TripQuery;

/**
 * Cache keys of search pages: every parameter that changes the result, in a fixed order,
 * so that equal searches share an entry. Amounts are compared by value (10 and 10.00 are
 * one key). Text keeps its case: PostgreSQL decides what matches case-insensitively, and
 * a key must never join two searches it might answer differently.
 */
public final class PageKeys {

	private final StringJoiner key = new StringJoiner("&");

	private PageKeys() {
	}

	public static String of(TripQuery query) {
		return new PageKeys().add("q", query.text())
			.add("resort", query.resort())
			.add("minPrice", amount(query.minPrice()))
			.add("maxPrice", amount(query.maxPrice()))
			.add("departFrom", query.departFrom())
			.add("departTo", query.departTo())
			.add("status", query.status())
			.add("sort", query.sort())
			.add("page", query.page())
			.add("size", query.size())
			.toString();
	}

	public static String of(StayQuery query) {
		return new PageKeys().add("q", query.text())
			.add("country", query.country())
			.add("city", query.city())
			.add("guests", query.guests())
			.add("checkIn", query.checkIn())
			.add("checkOut", query.checkOut())
			.add("minPrice", amount(query.minPrice()))
			.add("maxPrice", amount(query.maxPrice()))
			.add("status", query.status())
			.add("sort", query.sort())
			.add("page", query.page())
			.add("size", query.size())
			.toString();
	}

	private PageKeys add(String name, Object value) {
		if (value != null) {
			key.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
		}
		return this;
	}

	private static String amount(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros().toPlainString();
	}

	@Override
	public String toString() {
		return key.toString();
	}

}
