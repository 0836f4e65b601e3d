package io.getaways.catalog;

import java.util.List;
import java.util.Optional;

/** The catalog module's API: trip reads across PostgreSQL, MongoDB and Redis, and trip changes. */
public interface CatalogService {

	TripPage search(TripQuery query);

	/** Facts plus content, from the cache where it holds a current copy. */
	Optional<TripDetails> findTrip(String code);

	/** Every active trip with its content, in departure order. */
	List<TripDetails> listTrips();

	/** Creates a trip; its content goes to MongoDB through the outbox. */
	TripDetails createTrip(TripDraft draft);

	/** Replaces a trip's facts and content; throws {@link TripNotFoundException} if there is none. */
	TripDetails replaceTrip(TripDraft draft);
}
