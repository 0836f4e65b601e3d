package io.getaways.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The catalog module's API, as far as other modules use it: trips read across PostgreSQL,
 * MongoDB and Redis, and created or replaced. Every change needs an admin or a background
 * job as the actor, and is one PostgreSQL transaction whose events carry the content to
 * MongoDB after commit. Searches, stays and status changes are the catalog's own.
 */
public interface Catalog {

	/**
	 * Facts plus content, from the cache where it holds a current copy; inactive trips
	 * too.
	 */
	Optional<TripDetails> findTrip(String code);

	/** Every active trip with its content, in departure order. */
	List<TripDetails> listTrips();

	/** Creates a trip; its content goes to MongoDB through the outbox. */
	TripDetails createTrip(TripDraft draft);

	/**
	 * Replaces a trip's facts, and its content under a new content version when the draft
	 * has content. Throws {@link TripNotFoundException}, and a conflict when the capacity
	 * would drop below the seats booked. Prices of existing bookings never change:
	 * bookings capture their unit price.
	 */
	TripDetails replaceTrip(TripDraft draft);

}
