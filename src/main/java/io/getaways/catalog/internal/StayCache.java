package io.getaways.catalog.internal;

import java.util.function.Supplier;

import io.getaways.catalog.StayDetails;
import io.getaways.catalog.StayPage;
import io.getaways.catalog.StayQuery;
import io.getaways.catalog.ListingStatus;
import org.springframework.stereotype.Component;

/**
 * Stay reads cached in Redis: facts and content by code ({@code cache=stay}) and search pages
 * ({@code cache=stay-page}). Availability is never cached: bookings change it, and the catalog hears of no booking
 * (the booking module depends on the catalog, not the other way round). So a search for dates is not cached either.
 */
@Component
class StayCache extends CatalogCache<StayDetails, StayPage> {

	StayCache(Caches caches) {
		super(caches, ContentKind.STAY, caches.settings().stayTtl(), StayDetails.class, StayPage.class,
				StayDetails::contentAvailable);
	}

	StayPage search(StayQuery query, Supplier<StayPage> loader) {
		if (query.status() != ListingStatus.ACTIVE || query.checkIn() != null) {
			return loader.get();
		}
		return page(PageKeys.of(query), loader);
	}
}
