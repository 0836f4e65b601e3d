package io.getaways.catalog.internal;

import io.getaways.catalog.StayChanged;
import io.getaways.catalog.StayContentChanged;
import io.getaways.review.ReviewPosted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Stay events after commit, through the outbox, handed to the stays'
 * {@link ListingCatalog} as for trips.
 */
@Component
class StayEventListeners {

	private final StayCatalog stays;

	StayEventListeners(StayCatalog stays) {
		this.stays = stays;
	}

	/** Synchronous, so that the writer's next read already misses the cache. */
	@TransactionalEventListener
	void evictChangedStay(StayChanged event) {
		stays.evict(event.code());
	}

	@ApplicationModuleListener
	void projectContent(StayContentChanged event) {
		stays.projectContent(event.code(), event.content());
	}

	/**
	 * A review moved the stay's rating in PostgreSQL, and cached copies still show the
	 * old one.
	 */
	@ApplicationModuleListener
	void evictReviewedStay(ReviewPosted event) {
		if (event.stayCode() != null) {
			stays.evict(event.stayCode());
		}
	}

}
