package io.getaways.catalog.internal;

import io.getaways.catalog.TripChanged;
import io.getaways.catalog.TripContent;
import io.getaways.catalog.TripContentChanged;
import io.getaways.review.ReviewPosted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Projections of trip events, delivered after commit through the outbox. Each can run twice without harm: an
 * invalidation is idempotent, and content is applied only if its version is newer. A listener that could not reach
 * Redis throws, so its publication stays incomplete and the outbox job delivers it again.
 */
@Component
class TripEventListeners {

	private final TripCache cache;
	private final ContentDocuments<TripContent> contents;

	TripEventListeners(TripCache cache, ContentDocuments<TripContent> contents) {
		this.cache = cache;
		this.contents = contents;
	}

	/** Synchronous, so that the writer's next read already misses the cache. Seat changes arrive here too. */
	@TransactionalEventListener
	void evictChangedTrip(TripChanged event) {
		cache.evict(event.code());
	}

	/**
	 * Until the document is written, reads of the new version find no current content and are not cached; so the
	 * invalidation after it only makes sure, and its failure (pending in this instance) does not fail the delivery.
	 */
	@ApplicationModuleListener
	void projectContent(TripContentChanged event) {
		if (contents.upsertIfNewer(event.code(), event.content())) {
			CacheStore.quietly(() -> cache.evictContent(event.code()));
		}
	}

	/** A review moved the trip's rating in PostgreSQL, and cached copies still show the old one. */
	@ApplicationModuleListener
	void evictReviewedTrip(ReviewPosted event) {
		if (event.tripCode() != null) {
			cache.evict(event.tripCode());
		}
	}
}
