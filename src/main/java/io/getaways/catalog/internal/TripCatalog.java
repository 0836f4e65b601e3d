package io.getaways.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.getaways.catalog.CatalogService;
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
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.NotAllowedException;
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
class TripCatalog implements CatalogService {

	private static final Logger log = LoggerFactory.getLogger(TripCatalog.class);

	private final TripRepository trips;
	private final TripContentStore contents;
	private final TripCache cache;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate readOnly;
	private final TransactionTemplate readWrite;

	TripCatalog(TripRepository trips, TripContentStore contents, TripCache cache, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		this.trips = trips;
		this.contents = contents;
		this.cache = cache;
		this.events = events;
		this.readWrite = transactions;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
	}

	@Override
	public TripPage search(TripQuery query) {
		return readOnly.execute(status -> new TripPage(trips.search(query), query.page(), query.size(),
				trips.count(query)));
	}

	@Override
	public Optional<TripDetails> findTrip(String code) {
		Optional<TripDetails> cached = cache.get(code);
		if (cached.isPresent()) {
			return cached;
		}
		Optional<Trip> trip = readOnly.execute(status -> trips.findByCode(code));
		return trip.map(found -> {
			TripDetails details = withContent(found);
			if (details.contentAvailable()) {
				cache.put(details);
			}
			return details;
		});
	}

	@Override
	public List<TripDetails> listTrips() {
		List<Trip> active = readOnly.execute(status -> trips.findAllActive());
		Map<String, TripContent> byCode = contentOf(active.stream().map(Trip::code).toList());
		return active.stream().map(trip -> TripDetails.of(trip, byCode.get(trip.code()))).toList();
	}

	@Override
	public TripDetails createTrip(TripDraft draft) {
		requireCatalogWriter();
		return readWrite.execute(status -> {
			try {
				return publishChange(trips.insert(draft), draft.content());
			}
			catch (DuplicateKeyException ex) {
				throw new TripCodeTakenException(draft.code());
			}
		});
	}

	@Override
	public TripDetails replaceTrip(TripDraft draft) {
		requireCatalogWriter();
		return readWrite.execute(status -> publishChange(
				trips.replace(draft).orElseThrow(() -> new TripNotFoundException(draft.code())), draft.content()));
	}

	/** Checked here as well as on the routes, so no caller reaches a catalog write without the right role. */
	private static void requireCatalogWriter() {
		Actor.Role role = ActorContext.current().role();
		if (role != Actor.Role.ADMIN && role != Actor.Role.JOBS) {
			throw new NotAllowedException("Changing the catalog needs the admin role");
		}
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
