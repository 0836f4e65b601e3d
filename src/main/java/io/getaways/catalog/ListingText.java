package io.getaways.catalog;

import java.util.List;

/**
 * The searchable text of a listing's content document: its description and highlights (a
 * trip's highlights, a stay's amenities), under the document's version.
 */
public record ListingText(long version, String description, List<String> highlights) {

	public ListingText {
		highlights = highlights == null ? List.of() : List.copyOf(highlights);
	}

	public static ListingText of(TripContent content) {
		return new ListingText(content.version(), content.description(), content.highlights());
	}

	public static ListingText of(StayContent content) {
		return new ListingText(content.version(), content.description(), content.amenities());
	}

}
