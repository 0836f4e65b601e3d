package io.getaways.catalog.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.StayChanged;
import io.getaways.catalog.StayContent;
import io.getaways.catalog.StayContentChanged;
import io.getaways.catalog.StayDraft;
import io.getaways.catalog.internal.cache.CatalogCache;
import io.getaways.catalog.internal.cache.PageKeys;
import io.getaways.catalog.internal.content.ContentDocuments;
import io.getaways.catalog.internal.content.ContentKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Stays as every listing is kept, with their own search and the nights taken. */
@Service
class StayCatalog extends ListingCatalog<Stay, StayContent, StayDetails> {

	private static final ListingKind<Stay, StayContent, StayDetails> KIND = new ListingKind<>(ContentKind.STAY,
			StayDetails::of, StayDetails::factsOnly, (stay, content) -> new StayDetails(stay, content, true),
			StayChanged::new, StayContentChanged::new, StayNotFoundException::new, StayCodeTakenException::new);

	private final StayRepository stays;

	private final CatalogCache<StayDetails, StayPage, Void> cache;

	StayCatalog(StayRepository stays, ContentDocuments<StayContent> contents,
			CatalogCache<StayDetails, StayPage, Void> cache, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		super(KIND, stays, contents, cache, events, transactions);
		this.stays = stays;
		this.cache = cache;
	}

	/**
	 * Searches of active stays are cached, but not those for dates: availability changes
	 * with every booking, and the catalog hears of no booking. Catalog administration
	 * always reads PostgreSQL.
	 */
	StayPage search(StayQuery query) {
		if (query.status() != ListingStatus.ACTIVE || query.checkIn() != null) {
			return load(query);
		}
		return cache.page(PageKeys.of(query), () -> load(query));
	}

	List<StayOccupancy> occupancy(String code, LocalDate from, LocalDate to) {
		return readOnly(() -> {
			stays.findByCode(code).orElseThrow(() -> new StayNotFoundException(code));
			return stays.occupancy(code, from, to);
		});
	}

	StayDetails create(StayDraft draft) {
		return create(draft.code(), draft.content(), StayContent.empty(), () -> stays.insert(draft));
	}

	Set<String> takenCodes(Collection<String> codes) {
		return readOnly(() -> stays.takenCodes(codes));
	}

	StayDetails replace(StayDraft draft) {
		return replace(draft.content(), () -> stays.replace(draft), () -> new StayNotFoundException(draft.code()));
	}

	private StayPage load(StayQuery query) {
		return readOnly(() -> new StayPage(stays.search(query), query.page(), query.size(), stays.count(query)));
	}

}
