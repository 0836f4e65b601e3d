package io.getaways.search.internal;

import io.getaways.catalog.ListingText;
import io.getaways.catalog.SearchableListing;
import io.getaways.catalog.StayChanged;
import io.getaways.catalog.StayContentChanged;
import io.getaways.catalog.TripChanged;
import io.getaways.catalog.TripContentChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Catalog events after commit, through the outbox: a failure leaves the publication
 * incomplete, and the outbox delivers it again. No transaction of the listener's own: the
 * {@link Indexer} opens one as the {@code search-index} job, the role that may write the
 * index.
 */
@Component
class SearchListeners {

	private final Indexer indexer;

	SearchListeners(Indexer indexer) {
		this.indexer = indexer;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void tripChanged(TripChanged event) {
		indexer.index(SearchableListing.TRIP, event.code());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void stayChanged(StayChanged event) {
		indexer.index(SearchableListing.STAY, event.code());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void tripContentChanged(TripContentChanged event) {
		indexer.applyText(SearchableListing.TRIP, event.code(), ListingText.of(event.content()));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void stayContentChanged(StayContentChanged event) {
		indexer.applyText(SearchableListing.STAY, event.code(), ListingText.of(event.content()));
	}

}
