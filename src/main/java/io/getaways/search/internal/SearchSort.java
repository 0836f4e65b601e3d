package io.getaways.search.internal;

/**
 * The orders of a search, each a float8 key (so that a cursor can carry it as text) and a
 * direction, then kind and code so that pages are stable.
 */
enum SearchSort {

	/** Best match first; without text every listing ranks alike. */
	RELEVANCE(null, true),
	/** Lowest price first (per person for trips, per night for stays). */
	PRICE("CAST(l.price AS float8)", false),
	/** Best rated first; unrated last. */
	RATING("CAST(coalesce(l.rating, -1) AS float8)", true),
	/** Earliest departure first; stays, which have none, last. */
	DATE("coalesce(CAST(extract(epoch FROM l.starts_at) AS float8), CAST('Infinity' AS float8))", false);

	private final String key;

	private final boolean descending;

	SearchSort(String key, boolean descending) {
		this.key = key;
		this.descending = descending;
	}

	/** The key over {@code search.listings l}; null for relevance, the match's rank. */
	String key() {
		return key;
	}

	boolean descending() {
		return descending;
	}

	String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
