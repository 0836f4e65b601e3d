package io.getaways.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog module's API, as far as other modules use it: trips read across PostgreSQL,
 * MongoDB and Redis, and created or replaced. Every change needs an admin or a background
 * job as the actor, and is one PostgreSQL transaction whose events carry the content to
 * MongoDB after commit. Searches and status changes are the catalog's own.
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
	 * Creates many trips as {@link #createTrip} creates one, in the caller's transaction
	 * with one staging copy and one insert, each trip's content published through the
	 * outbox as for one. A code taken already is left alone; answers the codes created.
	 * Each draft must be valid ({@link #createTrip}'s checks are the caller's here; the
	 * table's constraints stay behind them).
	 */
	List<String> createTrips(List<TripDraft> drafts);

	/**
	 * Which of these trip codes are taken, in any status; read from PostgreSQL, never a
	 * cache.
	 */
	Set<String> takenTripCodes(Collection<String> codes);

	/**
	 * Replaces a trip's facts, and its content under a new content version when the draft
	 * has content. Throws {@link TripNotFoundException}, and a conflict when the capacity
	 * would drop below the seats booked. Prices of existing bookings never change:
	 * bookings capture their unit price.
	 */
	TripDetails replaceTrip(TripDraft draft);

	/**
	 * Creates stays as the catalog's administration creates one, each in the caller's
	 * transaction with its content published through the outbox (MongoDB, the search
	 * table); a code taken already is left alone. Answers the codes created.
	 */
	List<String> createStays(List<StayDraft> drafts);

	/** Which of these stay codes are taken, in any status; read from PostgreSQL. */
	Set<String> takenStayCodes(Collection<String> codes);

}
