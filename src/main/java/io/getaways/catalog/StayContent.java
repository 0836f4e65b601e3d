package io.getaways.catalog;

import java.util.List;
import java.util.Map;

/**
 * The editorial content of a stay, as its MongoDB document holds it. Editors may add
 * fields beyond the named ones; they travel in {@code attributes}.
 */
public record StayContent(long version, String description, String image, List<String> images, List<String> amenities,
		List<String> keywords, Map<String, Object> attributes) implements ListingContent<StayContent> {

	public StayContent {
		images = images == null ? List.of() : List.copyOf(images);
		amenities = amenities == null ? List.of() : List.copyOf(amenities);
		keywords = keywords == null ? List.of() : List.copyOf(keywords);
		attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
	}

	public static StayContent empty() {
		return new StayContent(1, null, null, null, null, null, null);
	}

	@Override
	public StayContent withVersion(long newVersion) {
		return new StayContent(newVersion, description, image, images, amenities, keywords, attributes);
	}
}
