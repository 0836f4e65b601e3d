package io.getaways.catalog.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.getaways.catalog.AlreadyInStatusException;
import io.getaways.catalog.Stay;
import io.getaways.catalog.StayChanged;
import io.getaways.catalog.StayCodeTakenException;
import io.getaways.catalog.StayContent;
import io.getaways.catalog.StayContentChanged;
import io.getaways.catalog.StayDetails;
import io.getaways.catalog.StayDraft;
import io.getaways.catalog.StayNotFoundException;
import io.getaways.catalog.StayOccupancy;
import io.getaways.catalog.StayPage;
import io.getaways.catalog.StayQuery;
import io.getaways.catalog.ListingStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stays as trips are kept: facts in PostgreSQL joined with content from MongoDB and cached in Redis, and writes that
 * are one PostgreSQL transaction whose outbox events carry the content to MongoDB and evict the cache after commit.
 */
@Service
class StayCatalog {

	private static final Logger log = LoggerFactory.getLogger(StayCatalog.class);

	private final StayRepository stays;
	private final ContentDocuments<StayContent> contents;
	private final StayCache cache;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate readOnly;
	private final TransactionTemplate readWrite;

	StayCatalog(StayRepository stays, ContentDocuments<StayContent> contents, StayCache cache,
			ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.stays = stays;
		this.contents = contents;
		this.cache = cache;
		this.events = events;
		this.readWrite = transactions;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
	}

	StayPage search(StayQuery query) {
		return cache.search(query, () -> readOnly.execute(status -> new StayPage(stays.search(query), query.page(),
				query.size(), stays.count(query))));
	}

	Optional<StayDetails> find(String code) {
		return cache.find(code, () -> readOnly.execute(status -> stays.findByCode(code)).map(this::withContent));
	}

	List<StayOccupancy> occupancy(String code, LocalDate from, LocalDate to) {
		return readOnly.execute(status -> {
			stays.findByCode(code).orElseThrow(() -> new StayNotFoundException(code));
			return stays.occupancy(code, from, to);
		});
	}

	StayDetails create(StayDraft draft) {
		CatalogWriters.require();
		return readWrite.execute(status -> {
			try {
				Stay stay = stays.insert(draft);
				return publishContent(stay, draft.content() == null ? StayContent.empty() : draft.content());
			}
			catch (DuplicateKeyException ex) {
				throw new StayCodeTakenException(draft.code());
			}
		});
	}

	StayDetails replace(StayDraft draft) {
		CatalogWriters.require();
		StayDetails replaced = readWrite.execute(status -> {
			Stay stay = stays.replace(draft).orElseThrow(() -> new StayNotFoundException(draft.code()));
			if (draft.content() != null) {
				return publishContent(stay, draft.content());
			}
			events.publishEvent(new StayChanged(stay.code()));
			return StayDetails.factsOnly(stay);
		});
		// the content kept its version, so the stored document still answers for it
		return replaced.contentAvailable() ? replaced : withContent(replaced.stay());
	}

	Stay changeStatus(String code, ListingStatus target) {
		CatalogWriters.require();
		return readWrite.execute(status -> {
			Stay stay = stays.changeStatus(code, target).orElseThrow(() -> {
				stays.findByCode(code).orElseThrow(() -> new StayNotFoundException(code));
				return new AlreadyInStatusException("Stay", code, target);
			});
			events.publishEvent(new StayChanged(code));
			return stay;
		});
	}

	private StayDetails publishContent(Stay stay, StayContent draftContent) {
		StayContent content = draftContent.withVersion(stay.contentVersion());
		events.publishEvent(new StayContentChanged(stay.code(), content));
		events.publishEvent(new StayChanged(stay.code()));
		return new StayDetails(stay, content, true);
	}

	private StayDetails withContent(Stay stay) {
		try {
			return StayDetails.of(stay, contents.find(stay.code()).orElse(null));
		}
		catch (DataAccessException | com.mongodb.MongoException ex) {
			log.warn("Catalog: content of stay {} unavailable: {}", stay.code(), ex.getMessage());
			return StayDetails.factsOnly(stay);
		}
	}
}
