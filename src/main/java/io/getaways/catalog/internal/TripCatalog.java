package io.getaways.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.getaways.catalog.AlreadyInStatusException;
import io.getaways.catalog.CapacityBelowSeatsBookedException;
import io.getaways.catalog.Trip;
import io.getaways.catalog.TripChanged;
import io.getaways.catalog.TripCodeTakenException;
import io.getaways.catalog.TripContent;
import io.getaways.catalog.TripContentChanged;
import io.getaways.catalog.TripDetails;
import io.getaways.catalog.TripDraft;
import io.getaways.catalog.TripNotFoundException;
import io.getaways.catalog.TripPage;
import io.getaways.catalog.TripQuery;
import io.getaways.catalog.ListingStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads join PostgreSQL facts with MongoDB content and are cached in Redis; writes are one PostgreSQL transaction
 * whose events, stored in the outbox, carry the content to MongoDB and evict the cache after commit.
 */
@Service
class TripCatalog {

	private static final Logger log = LoggerFactory.getLogger(TripCatalog.class);
	private static final TripContent EMPTY = new TripContent(1, null, null, null, null, null, null);

	private final TripRepository trips;
	private final ContentDocuments<TripContent> contents;
	private final TripCache cache;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate readOnly;
	private final TransactionTemplate readWrite;

	TripCatalog(TripRepository trips, ContentDocuments<TripContent> contents, TripCache cache,
			ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.trips = trips;
		this.contents = contents;
		this.cache = cache;
		this.events = events;
		this.readWrite = transactions;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
	}

	TripPage search(TripQuery query) {
		return cache.search(query, () -> readOnly.execute(status -> new TripPage(trips.search(query), query.page(),
				query.size(), trips.count(query))));
	}

	Optional<TripDetails> find(String code) {
		return cache.find(code, () -> readOnly.execute(status -> trips.findByCode(code)).map(this::withContent));
	}

	List<TripDetails> listActive() {
		List<Trip> active = readOnly.execute(status -> trips.findAllActive());
		Map<String, TripContent> byCode = contentOf(active.stream().map(Trip::code).toList());
		return active.stream().map(trip -> TripDetails.of(trip, byCode.get(trip.code()))).toList();
	}

	TripDetails create(TripDraft draft) {
		CatalogWriters.require();
		return readWrite.execute(status -> {
			try {
				Trip trip = trips.insert(draft);
				return publishChange(trip, draft.content() == null ? EMPTY : draft.content());
			}
			catch (DuplicateKeyException ex) {
				throw new TripCodeTakenException(draft.code());
			}
		});
	}

	TripDetails replace(TripDraft draft) {
		CatalogWriters.require();
		TripDetails replaced = readWrite.execute(status -> {
			Trip trip = trips.replace(draft).orElseThrow(() -> whyNotReplaced(draft));
			if (draft.content() != null) {
				return publishChange(trip, draft.content());
			}
			events.publishEvent(new TripChanged(trip.code()));
			return TripDetails.factsOnly(trip);
		});
		// the content kept its version, so the stored document still answers for it
		return replaced.contentAvailable() ? replaced : withContent(replaced.trip());
	}

	Trip changeStatus(String code, ListingStatus target) {
		CatalogWriters.require();
		return readWrite.execute(status -> {
			Trip trip = trips.changeStatus(code, target).orElseThrow(() -> {
				trips.findByCode(code).orElseThrow(() -> new TripNotFoundException(code));
				return new AlreadyInStatusException("Trip", code, target);
			});
			events.publishEvent(new TripChanged(code));
			return trip;
		});
	}

	private RuntimeException whyNotReplaced(TripDraft draft) {
		return trips.findByCode(draft.code())
			.<RuntimeException>map(current -> new CapacityBelowSeatsBookedException(draft.code(), draft.capacity(),
					current.seatsBooked()))
			.orElseGet(() -> new TripNotFoundException(draft.code()));
	}

	private TripDetails publishChange(Trip trip, TripContent draftContent) {
		TripContent content = draftContent.withVersion(trip.contentVersion());
		events.publishEvent(new TripContentChanged(trip.code(), content));
		events.publishEvent(new TripChanged(trip.code()));
		return new TripDetails(trip, content, true);
	}

	private TripDetails withContent(Trip trip) {
		try {
			return TripDetails.of(trip, contents.find(trip.code()).orElse(null));
		}
		catch (DataAccessException | com.mongodb.MongoException ex) {
			log.warn("Catalog: content of trip {} unavailable: {}", trip.code(), ex.getMessage());
			return TripDetails.factsOnly(trip);
		}
	}

	private Map<String, TripContent> contentOf(List<String> codes) {
		try {
			return contents.findAll(codes);
		}
		catch (DataAccessException | com.mongodb.MongoException ex) {
			log.warn("Catalog: trip content unavailable: {}", ex.getMessage());
			return Map.of();
		}
	}
}
