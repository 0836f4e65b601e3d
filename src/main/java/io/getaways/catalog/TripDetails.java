package io.getaways.catalog;

/**
 * A trip's facts joined with its content. When the content document is missing, older
 * than the facts say, or MongoDB cannot be reached, {@code content} is null and
 * {@code contentAvailable} false: the facts are always answered.
 */
public record TripDetails(Trip trip, TripContent content, boolean contentAvailable) {

	public static TripDetails factsOnly(Trip trip) {
		return new TripDetails(trip, null, false);
	}

	public static TripDetails of(Trip trip, TripContent content) {
		boolean current = content != null && content.version() >= trip.contentVersion();
		return new TripDetails(trip, content, current);
	}
}
