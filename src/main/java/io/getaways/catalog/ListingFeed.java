package io.getaways.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trips and stays as a search index reads them: facts from PostgreSQL in code order, and
 * the text of their content documents from MongoDB. Inactive listings too, so an index
 * can drop them. {@code kind} is {@link SearchableListing#TRIP} or
 * {@link SearchableListing#STAY}.
 */
public interface ListingFeed {

	Optional<SearchableListing> listing(String kind, String code);

	/**
	 * Up to {@code limit} listings with codes after {@code afterCode} (null: the first).
	 */
	List<SearchableListing> listings(String kind, String afterCode, int limit);

	/**
	 * The text of each code's content document that MongoDB holds, by code; empty while
	 * MongoDB cannot answer.
	 */
	Map<String, ListingText> texts(String kind, Collection<String> codes);

}
