package io.getaways.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The catalog module's API: trip and stay reads across PostgreSQL, MongoDB and Redis, and catalog changes. Every
 * change needs an admin or a background job as the actor, and is one PostgreSQL transaction whose events carry the
 * content to MongoDB after commit.
 */
public interface Catalog {

	TripPage search(TripQuery query);

	/** Facts plus content, from the cache where it holds a current copy; inactive trips too. */
	Optional<TripDetails> findTrip(String code);

	/** Every active trip with its content, in departure order. */
	List<TripDetails> listTrips();

	/** Creates a trip; its content goes to MongoDB through the outbox. */
	TripDetails createTrip(TripDraft draft);

	/**
	 * Replaces a trip's facts, and its content under a new content version when the draft has content. Throws
	 * {@link TripNotFoundException}, and {@link CapacityBelowSeatsBookedException} when the capacity would drop below
	 * the seats booked. Prices of existing bookings never change: bookings capture their unit price.
	 */
	TripDetails replaceTrip(TripDraft draft);

	/** Activates or deactivates a trip; throws {@link AlreadyInStatusException} when it already has that status. */
	Trip changeTripStatus(String code, ListingStatus status);

	StayPage searchStays(StayQuery query);

	/** Facts plus content; inactive stays too. */
	Optional<StayDetails> findStay(String code);

	/**
	 * Taken ranges of the stay that overlap [from, to), in check-in order, whoever took them; throws
	 * {@link StayNotFoundException}.
	 */
	List<StayOccupancy> stayOccupancy(String code, LocalDate from, LocalDate to);

	/** Creates a stay; its content goes to MongoDB through the outbox. */
	StayDetails createStay(StayDraft draft);

	/** Replaces a stay's facts, and its content under a new content version when the draft has content. */
	StayDetails replaceStay(StayDraft draft);

	/** Activates or deactivates a stay; throws {@link AlreadyInStatusException} when it already has that status. */
	Stay changeStayStatus(String code, ListingStatus status);
}
