package io.getaways.catalog.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.Trip;
import io.getaways.catalog.TripChanged;
import io.getaways.catalog.TripCodeTakenException;
import io.getaways.catalog.TripContent;
import io.getaways.catalog.TripContentChanged;
import io.getaways.catalog.TripDetails;
import io.getaways.catalog.TripDraft;
import io.getaways.catalog.TripNotFoundException;
import io.getaways.catalog.internal.cache.CatalogCache;
import io.getaways.catalog.internal.cache.PageKeys;
import io.getaways.catalog.internal.content.ContentDocuments;
import io.getaways.catalog.internal.content.ContentKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trips as every listing is kept, with their own search, the list of active trips, and
 * capacity kept above seats.
 */
@Service
class TripCatalog extends ListingCatalog<Trip, TripContent, TripDetails> {

	private static final ListingKind<Trip, TripContent, TripDetails> KIND = new ListingKind<>(ContentKind.TRIP,
			TripDetails::of, TripDetails::factsOnly, (trip, content) -> new TripDetails(trip, content, true),
			TripChanged::new, TripContentChanged::new, TripNotFoundException::new, TripCodeTakenException::new);

	private final TripRepository trips;

	private final CatalogCache<TripDetails, TripPage, ActiveTrips> cache;

	TripCatalog(TripRepository trips, ContentDocuments<TripContent> contents,
			CatalogCache<TripDetails, TripPage, ActiveTrips> cache, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		super(KIND, trips, contents, cache, events, transactions);
		this.trips = trips;
		this.cache = cache;
	}

	/**
	 * Searches of active trips, as the public makes them, are cached; catalog
	 * administration always reads PostgreSQL.
	 */
	TripPage search(TripQuery query) {
		if (query.status() != ListingStatus.ACTIVE) {
			return load(query);
		}
		return cache.page(PageKeys.of(query), () -> load(query));
	}

	/**
	 * From the list cache, as {@code /api/v1/trips} reads its pages; a list that lacks
	 * some content (MongoDB down) is answered but not stored.
	 */
	List<TripDetails> listActive() {
		return cache.allActive(this::loadActive, ActiveTrips::complete).trips();
	}

	private ActiveTrips loadActive() {
		List<Trip> active = readOnly(trips::findAllActive);
		Map<String, TripContent> byCode = contentOf(active.stream().map(Trip::code).toList());
		return new ActiveTrips(active.stream().map(trip -> TripDetails.of(trip, byCode.get(trip.code()))).toList());
	}

	/** The codes of the trips created; a code taken already is left alone. */
	List<String> createAll(List<TripDraft> drafts) {
		Map<String, TripContent> contents = new HashMap<>();
		drafts.forEach(
				draft -> contents.put(draft.code(), draft.content() == null ? TripContent.empty() : draft.content()));
		return createAll(trip -> contents.get(trip.code()), () -> trips.insertAll(drafts)).stream()
			.map(Trip::code)
			.toList();
	}

	Set<String> takenCodes(Collection<String> codes) {
		return readOnly(() -> trips.takenCodes(codes));
	}

	TripDetails create(TripDraft draft) {
		return create(draft.code(), draft.content(), TripContent.empty(), () -> trips.insert(draft));
	}

	TripDetails replace(TripDraft draft) {
		return replace(draft.content(), () -> trips.replace(draft), () -> whyNotReplaced(draft));
	}

	private TripPage load(TripQuery query) {
		return readOnly(() -> new TripPage(trips.search(query), query.page(), query.size(), trips.count(query)));
	}

	private RuntimeException whyNotReplaced(TripDraft draft) {
		return trips.findByCode(draft.code())
			.<RuntimeException>map(current -> new CapacityBelowSeatsBookedException(draft.code(), draft.capacity(),
					current.seatsBooked()))
			.orElseGet(() -> new TripNotFoundException(draft.code()));
	}

}
