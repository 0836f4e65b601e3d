package io.getaways.catalog;

import java.util.List;
import java.util.Map;

/**
 * The editorial content of a trip, as its MongoDB document holds it. Editors may add
 * fields beyond the named ones; they travel in {@code attributes}.
 */
public record TripContent(long version, String description, String image, List<String> images, List<String> highlights,
		List<String> keywords, Map<String, Object> attributes) implements ListingContent<TripContent> {

	public TripContent {
		images = images == null ? List.of() : List.copyOf(images);
		highlights = highlights == null ? List.of() : List.copyOf(highlights);
		keywords = keywords == null ? List.of() : List.copyOf(keywords);
		attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
	}

	public static TripContent empty() {
		return new TripContent(1, null, null, null, null, null, null);
	}

	@Override
	public TripContent withVersion(long newVersion) {
		return new TripContent(newVersion, description, image, images, highlights, keywords, attributes);
	}
}
