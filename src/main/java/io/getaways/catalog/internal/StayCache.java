package io.getaways.catalog.internal;

import java.util.Optional;
import java.util.function.Supplier;

import io.getaways.catalog.StayDetails;
import io.getaways.catalog.StayPage;
import io.getaways.catalog.StayQuery;
import io.getaways.catalog.TripStatus;
import org.springframework.stereotype.Component;

/**
 * Stay reads cached in Redis: facts and content by code ({@code cache=stay}) and pages of the public search
 * ({@code cache=stay-page}). Availability is never cached: bookings change it, and the catalog hears of no booking
 * (the booking module depends on the catalog, not the other way round). So a search for dates is not cached either.
 */
@Component
class StayCache {

	private final CachedReads<StayDetails> details;
	private final CachedReads<StayPage> pages;

	StayCache(Caches caches) {
		this.details = caches.entries("stay", caches.settings().stayTtl(), StayDetails.class);
		this.pages = caches.generations("stay-page", caches.settings().pageTtl(), StayPage.class);
	}

	Optional<StayDetails> find(String code, Supplier<Optional<StayDetails>> loader) {
		return Optional.ofNullable(details.read(code, () -> loader.get().orElse(null), StayDetails::contentAvailable));
	}

	StayPage search(StayQuery query, Supplier<StayPage> loader) {
		if (query.status() != TripStatus.ACTIVE || query.checkIn() != null) {
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
