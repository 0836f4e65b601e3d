package io.getaways.catalog.internal;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The WHERE and ORDER BY clauses of a stay search, assembled from constant fragments over
 * {@code app.stays s}.
 */
record StayFilter(String where, Map<String, Object> params) {

	private static final Map<StayQuery.Sort, String> ORDER = Map.of(StayQuery.Sort.NAME, "ORDER BY s.name, s.code",
			StayQuery.Sort.PRICE, "ORDER BY s.price_per_night, s.code", StayQuery.Sort.RATING,
			"ORDER BY s.rating_average DESC NULLS LAST, s.code");

	static String order(StayQuery.Sort sort) {
		return ORDER.get(sort);
	}

	static StayFilter of(StayQuery query) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new TreeMap<>();
		if (query.status() != null) {
			conditions.add("s.status = :status");
			params.put("status", query.status().name());
		}
		if (query.text() != null) {
			// the search index's full-text match, as /api/v1/search has it (see
			// package-info)
			conditions.add("s.code IN (SELECT m.code FROM search.matching('stay', :text) AS m(code))");
			params.put("text", query.text());
		}
		if (query.country() != null) {
			conditions.add("lower(s.country) = lower(:country)");
			params.put("country", query.country());
		}
		if (query.city() != null) {
			conditions.add("lower(s.city) = lower(:city)");
			params.put("city", query.city());
		}
		if (query.guests() != null) {
			conditions.add("s.max_guests >= :guests");
			params.put("guests", query.guests());
		}
		if (query.minPrice() != null) {
			conditions.add("s.price_per_night >= :minPrice");
			params.put("minPrice", query.minPrice());
		}
		if (query.maxPrice() != null) {
			conditions.add("s.price_per_night <= :maxPrice");
			params.put("maxPrice", query.maxPrice());
		}
		if (query.checkIn() != null) {
			// free for every night asked for: no active booking's range overlaps
			// [checkIn, checkOut)
			conditions.add("NOT EXISTS (SELECT 1 FROM app.stay_occupancy(s.id, :checkIn, :checkOut))");
			params.put("checkIn", Date.valueOf(query.checkIn()));
			params.put("checkOut", Date.valueOf(query.checkOut()));
		}
		return new StayFilter(conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions), params);
	}
}
