package io.getaways.search.internal;

import java.util.List;

/**
 * A page of search hits as the API answers it.
 *
 * @param fuzzy true when full text found nothing and the hits are names and places
 * similar to the text
 * @param suggestion "did you mean", or null
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
record SearchResponse(List<SearchHit> items, long totalHits, SearchResult.Facets facets, boolean fuzzy,
		String suggestion, String nextCursor) {

	static SearchResponse of(SearchResult result) {
		return new SearchResponse(result.hits(), result.totalHits(), result.facets(), result.fuzzy(),
				result.suggestion(), result.nextCursor());
	}

}
