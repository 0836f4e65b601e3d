package io.getaways.search.internal;

import java.util.List;

/**
 * A page of hits with the counts of all matches.
 *
 * @param totalHits matches over all pages
 * @param fuzzy whether the hits come from the trigram fallback because full text found
 * nothing
 * @param suggestion "did you mean": the text with each word replaced by the closest word
 * of the best fuzzy hits, or null
 * @param nextCursor where the next page starts, or null on the last page
 */
record SearchResult(List<SearchHit> hits, long totalHits, Facets facets, boolean fuzzy, String suggestion,
		String nextCursor) {

	/** Counts of all matches; each list adds up to {@code totalHits}. */
	record Facets(List<Count> kind, List<Count> country, List<Count> priceBand) {
	}

	/** {@code value} is null for trips under country, which have none in the catalog. */
	record Count(String value, long hits) {
	}

}
