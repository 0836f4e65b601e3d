package io.getaways.catalog.internal;

import io.getaways.catalog.StayContent;
import io.getaways.catalog.internal.Stay;

/**
 * A stay's facts joined with its content. When the content document is missing, older
 * than the facts say, or MongoDB cannot be reached, {@code content} is null and
 * {@code contentAvailable} false: the facts are always answered.
 */
public record StayDetails(Stay stay, StayContent content, boolean contentAvailable) {

	public static StayDetails factsOnly(Stay stay) {
		return new StayDetails(stay, null, false);
	}

	public static StayDetails of(Stay stay, StayContent content) {
		boolean current = content != null && content.version() >= stay.contentVersion();
		return new StayDetails(stay, current ? content : null, current);
	}
}
