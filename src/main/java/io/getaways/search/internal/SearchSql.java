package io.getaways.search.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statements of one search, assembled from constant fragments over
 * {@code search.listings l}; input only ever arrives as a parameter.
 *
 * <p>
 * Stay availability calls {@code app.stay_occupancy}, the booking module's definition of
 * taken nights (see package-info).
 */
final class SearchSql {

	/** How a text is matched: full text, the trigram fallback, or not at all. */
	enum Match {

		FULL_TEXT("l.document @@ websearch_to_tsquery(CAST(:config AS regconfig), :text)",
				"CAST(ts_rank(l.document, websearch_to_tsquery(CAST(:config AS regconfig), :text)) AS float8)"),
		// word similarity finds a typo in one word of a long title; the whole title's
		// similarity
		// breaks its frequent ties, so the title closest to all the words comes first
		FUZZY("l.title %> search.fold(:text)",
				"CAST((word_similarity(search.fold(:text), l.title) + similarity(search.fold(:text), l.title)) / 2 AS float8)"),
		NONE(null, "CAST(0 AS float8)");

		private final String condition;

		private final String rank;

		Match(String condition, String rank) {
			this.condition = condition;
			this.rank = rank;
		}

	}

	static final String PRICE_BAND = """
			CASE WHEN l.price < 500 THEN 'under-500'
			     WHEN l.price < 1000 THEN '500-1000'
			     WHEN l.price < 2000 THEN '1000-2000'
			     ELSE '2000-plus' END""";

	private static final String HEADLINE_OPTIONS = "MaxWords=30, MinWords=12, MaxFragments=2, "
			+ "FragmentDelimiter=\" … \", StartSel=<mark>, StopSel=</mark>";

	private final String where;

	private final Match match;

	private final SearchRequest request;

	private final Map<String, Object> params;

	private SearchSql(String where, Match match, SearchRequest request, Map<String, Object> params) {
		this.where = where;
		this.match = match;
		this.request = request;
		this.params = params;
	}

	static SearchSql of(SearchRequest request, Match match, String config) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new TreeMap<>();
		params.put("config", config);
		conditions.add("l.active");
		if (match != Match.NONE) {
			conditions.add(match.condition);
			params.put("text", request.text());
		}
		if (request.kind() != null) {
			conditions.add("l.kind = :kind");
			params.put("kind", request.kind());
		}
		if (request.country() != null) {
			conditions.add("lower(l.country) = lower(:country)");
			params.put("country", request.country());
		}
		if (request.city() != null) {
			conditions.add("lower(l.city) = lower(:city)");
			params.put("city", request.city());
		}
		if (request.minPrice() != null) {
			conditions.add("l.price >= :minPrice");
			params.put("minPrice", request.minPrice());
		}
		if (request.maxPrice() != null) {
			conditions.add("l.price <= :maxPrice");
			params.put("maxPrice", request.maxPrice());
		}
		if (request.departFrom() != null) {
			conditions.add("l.starts_at >= :departFrom");
			params.put("departFrom", startOfDay(request.departFrom()));
		}
		if (request.departTo() != null) {
			conditions.add("l.starts_at < :departBefore");
			params.put("departBefore", startOfDay(request.departTo().plusDays(1)));
		}
		if (request.checkIn() != null) {
			conditions.add("""
					l.kind = 'stay'
					  AND NOT EXISTS (SELECT 1 FROM app.stay_occupancy(l.listing_id, :checkIn, :checkOut))""");
			params.put("checkIn", Date.valueOf(request.checkIn()));
			params.put("checkOut", Date.valueOf(request.checkOut()));
		}
		if (request.guests() != null) {
			conditions.add("CASE l.kind WHEN 'trip' THEN l.seats_left ELSE l.max_guests END >= :guests");
			params.put("guests", request.guests());
		}
		if (request.minRating() != null) {
			conditions.add("l.rating >= :minRating");
			params.put("minRating", request.minRating());
		}
		return new SearchSql("WHERE " + String.join("\n  AND ", conditions), match, request, params);
	}

	Map<String, Object> params() {
		return params;
	}

	/**
	 * One page after the cursor, one row more than asked so that the caller knows whether
	 * another follows; snippets only for the page.
	 */
	String page() {
		SearchSort sort = request.sort();
		String direction = sort.descending() ? "DESC" : "ASC";
		String keyset = "";
		if (request.after() != null) {
			params.put("afterKey", request.after().key());
			params.put("afterKind", request.after().kind());
			params.put("afterCode", request.after().code());
			keyset = "WHERE (m.sort_key " + (sort.descending() ? "<" : ">") + " CAST(:afterKey AS float8)"
					+ " OR (m.sort_key = CAST(:afterKey AS float8) AND (m.kind, m.code) > (:afterKind, :afterCode)))";
		}
		params.put("limit", request.size() + 1);
		params.put("headlineOptions", HEADLINE_OPTIONS);
		String key = sort == SearchSort.RELEVANCE ? match.rank : sort.key();
		return """
				SELECT p.kind, p.code, p.name, p.place, p.country, p.city, p.price, p.currency, p.rating,
				       p.review_count, p.starts_at, p.nights, p.seats_left, p.max_guests, p.rank,
				       CAST(p.sort_key AS text) AS sort_text,
				       ts_headline(CAST(:config AS regconfig), p.snippet_source,
				                   websearch_to_tsquery(CAST(:config AS regconfig), :headline), :headlineOptions) AS snippet
				FROM (
				  SELECT m.*
				  FROM (
				    SELECT l.kind, l.code, l.name, l.place, l.country, l.city, l.price, l.currency, l.rating,
				           l.review_count, l.starts_at, l.nights, l.seats_left, l.max_guests,
				           CASE WHEN l.description = '' THEN l.name ELSE l.description END AS snippet_source,
				"""
				+ "           " + match.rank + " AS rank,\n           " + key
				+ " AS sort_key\n    FROM search.listings l\n    " + where + "\n  ) m\n  " + keyset
				+ "\n  ORDER BY m.sort_key " + direction + ", m.kind, m.code\n  LIMIT :limit\n) p\n"
				+ "ORDER BY p.sort_key " + direction + ", p.kind, p.code";
	}

	/** Counts of every match by kind, by country and by price band. */
	String facets() {
		return """
				SELECT GROUPING(f.kind) = 0 AS by_kind, GROUPING(f.country) = 0 AS by_country, f.kind, f.country,
				       f.band, count(*) AS hits
				FROM (
				  SELECT l.kind, l.country,
				""" + PRICE_BAND.indent(9) + "         AS band\n  FROM search.listings l\n  " + where + """

				) f
				GROUP BY GROUPING SETS ((f.kind), (f.country), (f.band))""";
	}

	private static Timestamp startOfDay(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

}
