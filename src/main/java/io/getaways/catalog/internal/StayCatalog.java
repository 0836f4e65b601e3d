package io.getaways.catalog.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.getaways.catalog.AlreadyInStatusException;
import io.getaways.catalog.Stay;
import io.getaways.catalog.StayCodeTakenException;
import io.getaways.catalog.StayContent;
import io.getaways.catalog.StayContentChanged;
import io.getaways.catalog.StayDetails;
import io.getaways.catalog.StayDraft;
import io.getaways.catalog.StayNotFoundException;
import io.getaways.catalog.StayOccupancy;
import io.getaways.catalog.StayPage;
import io.getaways.catalog.StayQuery;
import io.getaways.catalog.TripStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stays as trips are kept, without a cache for now: facts in PostgreSQL joined with content from MongoDB, and writes
 * that are one PostgreSQL transaction whose outbox event carries the content to MongoDB after commit.
 */
@Service
class StayCatalog {

	private static final Logger log = LoggerFactory.getLogger(StayCatalog.class);

	private final StayRepository stays;
	private final StayContentStore contents;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate readOnly;
	private final TransactionTemplate readWrite;

	StayCatalog(StayRepository stays, StayContentStore contents, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		this.stays = stays;
		this.contents = contents;
		this.events = events;
		this.readWrite = transactions;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
	}

	StayPage search(StayQuery query) {
		return readOnly.execute(status -> new StayPage(stays.search(query), query.page(), query.size(),
				stays.count(query)));
	}

	Optional<StayDetails> find(String code) {
		return readOnly.execute(status -> stays.findByCode(code)).map(this::withContent);
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
			return draft.content() == null ? StayDetails.factsOnly(stay) : publishContent(stay, draft.content());
		});
		// the content kept its version, so the stored document still answers for it
		return replaced.contentAvailable() ? replaced : withContent(replaced.stay());
	}

	Stay changeStatus(String code, TripStatus target) {
		CatalogWriters.require();
		return readWrite.execute(status -> stays.changeStatus(code, target).orElseThrow(() -> {
			stays.findByCode(code).orElseThrow(() -> new StayNotFoundException(code));
			return new AlreadyInStatusException("Stay", code, target);
		}));
	}

	private StayDetails publishContent(Stay stay, StayContent draftContent) {
		StayContent content = draftContent.withVersion(stay.contentVersion());
		events.publishEvent(new StayContentChanged(stay.code(), content));
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
