package io.getaways.catalog.internal;

import java.util.function.Supplier;

import io.getaways.catalog.TripDetails;
import io.getaways.catalog.TripPage;
import io.getaways.catalog.TripQuery;
import io.getaways.catalog.ListingStatus;
import org.springframework.stereotype.Component;

/** Trip reads cached in Redis: details by code ({@code cache=trip}) and search pages ({@code cache=trip-page}). */
@Component
class TripCache extends CatalogCache<TripDetails, TripPage> {

	TripCache(Caches caches) {
		super(caches, ContentKind.TRIP, caches.settings().tripTtl(), TripDetails.class, TripPage.class,
				TripDetails::contentAvailable);
	}

	/** Searches of active trips, as the public makes them; catalog administration always reads PostgreSQL. */
	TripPage search(TripQuery query, Supplier<TripPage> loader) {
		return query.status() == ListingStatus.ACTIVE ? page(PageKeys.of(query), loader) : loader.get();
	}
}
