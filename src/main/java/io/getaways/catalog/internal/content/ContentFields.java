package io.getaways.catalog.internal.content;

import java.util.List;
import java.util.Map;

/**
 * The fields of a trip's or stay's content, whichever its record: both declare the same
 * ones in the same order, but for one list of their own ({@link ContentKind#ownList()}).
 * Lets one {@link ContentDocuments} serve both records, which share no type of the
 * catalog's API.
 */
record ContentFields(long version, String description, String image, List<String> images, List<String> ownList,
		List<String> keywords, Map<String, Object> attributes) {

	/** A content record's canonical constructor, e.g. {@code TripContent::new}. */
	@FunctionalInterface
	interface Constructor<C> {

		C create(long version, String description, String image, List<String> images, List<String> ownList,
				List<String> keywords, Map<String, Object> attributes);

	}
}
