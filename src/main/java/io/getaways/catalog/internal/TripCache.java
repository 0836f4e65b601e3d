package io.getaways.catalog.internal;

import java.util.Optional;
import java.util.function.Supplier;

import io.getaways.catalog.TripDetails;
import io.getaways.catalog.TripPage;
import io.getaways.catalog.TripQuery;
import io.getaways.catalog.TripStatus;
import org.springframework.stereotype.Component;

/**
 * Trip reads cached in Redis: details by code ({@code cache=trip}) and pages of the public search
 * ({@code cache=trip-page}). Any change of a trip invalidates its details and every page, since a page shows seats
 * left and ratings; a content change invalidates the details only.
 */
@Component
class TripCache {

	private final CachedReads<TripDetails> details;
	private final CachedReads<TripPage> pages;

	TripCache(Caches caches) {
		this.details = caches.entries("trip", caches.settings().tripTtl(), TripDetails.class);
		this.pages = caches.generations("trip-page", caches.settings().pageTtl(), TripPage.class);
	}

	/** Only details with their current content are stored, so a read after MongoDB returns shows the content. */
	Optional<TripDetails> find(String code, Supplier<Optional<TripDetails>> loader) {
		return Optional.ofNullable(details.read(code, () -> loader.get().orElse(null), TripDetails::contentAvailable));
	}

	/** Searches of active trips, as the public makes them; catalog administration always reads PostgreSQL. */
	TripPage search(TripQuery query, Supplier<TripPage> loader) {
		if (query.status() != TripStatus.ACTIVE) {
			return loader.get();
		}
		return pages.read(PageKeys.of(query), loader, page -> true);
	}

	/** Throws when Redis failed, after trying both; what failed is carried out before the cache is used again. */
	void evict(String code) {
		Invalidations.all(() -> details.invalidate(code), () -> pages.invalidate(null));
	}

	void evictContent(String code) {
		details.invalidate(code);
	}
}
