package io.getaways.catalog.internal;

import io.getaways.catalog.TripChanged;
import io.getaways.catalog.TripContentChanged;
import io.getaways.review.ReviewPosted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Trip events, delivered after commit through the outbox, handed to the trips'
 * {@link ListingCatalog}. Each can run twice without harm. A class of its own per kind,
 * since the outbox stores each publication under its listener's class and method name.
 */
@Component
class TripEventListeners {

	private final TripCatalog trips;

	TripEventListeners(TripCatalog trips) {
		this.trips = trips;
	}

	/**
	 * Synchronous, so that the writer's next read already misses the cache. Seat changes
	 * arrive here too.
	 */
	@TransactionalEventListener
	void evictChangedTrip(TripChanged event) {
		trips.evict(event.code());
	}

	@ApplicationModuleListener
	void projectContent(TripContentChanged event) {
		trips.projectContent(event.code(), event.content());
	}

	/**
	 * A review moved the trip's rating in PostgreSQL, and cached copies still show the
	 * old one.
	 */
	@ApplicationModuleListener
	void evictReviewedTrip(ReviewPosted event) {
		if (event.tripCode() != null) {
			trips.evict(event.tripCode());
		}
	}

}
