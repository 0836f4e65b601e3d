package io.getaways.catalog.internal;

import io.getaways.catalog.TripChanged;
import io.getaways.catalog.TripContentChanged;
import io.getaways.review.ReviewPosted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Projections of trip events, delivered after commit through the outbox. Each can run twice without harm: eviction is
 * idempotent, and content is applied only if its version is newer.
 */
@Component
class TripEventListeners {

	private final TripCache cache;
	private final TripContentStore contents;

	TripEventListeners(TripCache cache, TripContentStore contents) {
		this.cache = cache;
		this.contents = contents;
	}

	/** Synchronous, so that the writer's next read already misses the cache. */
	@TransactionalEventListener
	void evictChangedTrip(TripChanged event) {
		cache.evict(event.code());
	}

	@ApplicationModuleListener
	void projectContent(TripContentChanged event) {
		if (contents.upsertIfNewer(event.code(), event.content())) {
			cache.evict(event.code());
		}
	}

	/** A review moved the trip's rating in PostgreSQL, and the cached copy still shows the old one. */
	@ApplicationModuleListener
	void evictReviewedTrip(ReviewPosted event) {
		if (event.tripCode() != null) {
			cache.evict(event.tripCode());
		}
	}
}
