package io.getaways.catalog.internal;

import io.getaways.catalog.StayChanged;
import io.getaways.catalog.StayContent;
import io.getaways.catalog.StayContentChanged;
import io.getaways.review.ReviewPosted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Projections of stay events after commit, through the outbox, as for trips: content is applied only if its version
 * is newer, and invalidations are idempotent, so a replayed or late event is harmless.
 */
@Component
class StayEventListeners {

	private final StayCache cache;
	private final ContentDocuments<StayContent> contents;

	StayEventListeners(StayCache cache, ContentDocuments<StayContent> contents) {
		this.cache = cache;
		this.contents = contents;
	}

	/** Synchronous, so that the writer's next read already misses the cache. */
	@TransactionalEventListener
	void evictChangedStay(StayChanged event) {
		cache.evict(event.code());
	}

	/** As for trips: the invalidation after the write only makes sure, so its failure does not fail the delivery. */
	@ApplicationModuleListener
	void projectContent(StayContentChanged event) {
		if (contents.upsertIfNewer(event.code(), event.content())) {
			CacheStore.quietly(() -> cache.evictContent(event.code()));
		}
	}

	/** A review moved the stay's rating in PostgreSQL, and cached copies still show the old one. */
	@ApplicationModuleListener
	void evictReviewedStay(ReviewPosted event) {
		if (event.stayCode() != null) {
			cache.evict(event.stayCode());
		}
	}
}
