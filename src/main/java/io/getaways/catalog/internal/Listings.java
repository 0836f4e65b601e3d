package io.getaways.catalog.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.getaways.catalog.Catalog;
import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.StayDraft;
import io.getaways.catalog.Trip;

/**
 * Everything the catalog does with trips and stays: the module's API, and the searches,
 * stays and status changes that only the catalog's own routes use.
 */
public interface Listings extends Catalog {

	TripPage search(TripQuery query);

	/**
	 * Activates or deactivates a trip; throws {@link AlreadyInStatusException} when it
	 * already has that status.
	 */
	Trip changeTripStatus(String code, ListingStatus status);

	StayPage searchStays(StayQuery query);

	/** Facts plus content; inactive stays too. */
	Optional<StayDetails> findStay(String code);

	/**
	 * Taken ranges of the stay that overlap [from, to), in check-in order, whoever took
	 * them; throws {@link StayNotFoundException}.
	 */
	List<StayOccupancy> stayOccupancy(String code, LocalDate from, LocalDate to);

	/** Creates a stay; its content goes to MongoDB through the outbox. */
	StayDetails createStay(StayDraft draft);

	/**
	 * Replaces a stay's facts, and its content under a new content version when the draft
	 * has content.
	 */
	StayDetails replaceStay(StayDraft draft);

	/**
	 * Activates or deactivates a stay; throws {@link AlreadyInStatusException} when it
	 * already has that status.
	 */
	Stay changeStayStatus(String code, ListingStatus status);

}
