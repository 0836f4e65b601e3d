package io.getaways.catalog.internal;

import java.util.List;

import io.getaways.catalog.TripDetails;

/** Every active trip with its content, in departure order, as the list cache keeps it. */
public record ActiveTrips(List<TripDetails> trips) {

	/** Immutable, as the catalog cache hands one value to many requests. */
	public ActiveTrips {
		trips = List.copyOf(trips);
	}

	public boolean complete() {
		return trips.stream().allMatch(TripDetails::contentAvailable);
	}

}
