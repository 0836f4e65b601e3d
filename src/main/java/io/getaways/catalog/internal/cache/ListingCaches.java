package io.getaways.catalog.internal.cache;

import io.getaways.catalog.TripDetails;
import io.getaways.catalog.internal.ActiveTrips;
import io.getaways.catalog.internal.StayDetails;
import io.getaways.catalog.internal.StayPage;
import io.getaways.catalog.internal.TripPage;
import io.getaways.catalog.internal.content.ContentKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog cache of each kind of listing, each with its own time to live. */
@Configuration(proxyBeanMethods = false)
class ListingCaches {

	/**
	 * Trip details by code ({@code cache=trip}), search pages ({@code cache=trip-page})
	 * and the list of every active trip ({@code cache=trip-list}, Travlr's list).
	 */
	@Bean
	CatalogCache<TripDetails, TripPage, ActiveTrips> tripCache(Caches caches) {
		return new CatalogCache<>(caches, ContentKind.TRIP, caches.settings().tripTtl(), TripDetails.class,
				TripPage.class, ActiveTrips.class, TripDetails::contentAvailable);
	}

	/**
	 * Stay facts and content by code ({@code cache=stay}) and search pages
	 * ({@code cache=stay-page}). Availability is never cached: bookings change it, and
	 * the catalog hears of no booking (the booking module depends on the catalog, not the
	 * other way round).
	 */
	@Bean
	CatalogCache<StayDetails, StayPage, Void> stayCache(Caches caches) {
		return new CatalogCache<>(caches, ContentKind.STAY, caches.settings().stayTtl(), StayDetails.class,
				StayPage.class, null, StayDetails::contentAvailable);
	}

}
