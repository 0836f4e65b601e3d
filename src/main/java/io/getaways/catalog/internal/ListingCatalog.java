package io.getaways.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.getaways.catalog.Listing;
import io.getaways.catalog.ListingContent;
import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.internal.cache.CacheStore;
import io.getaways.catalog.internal.cache.CatalogCache;
import io.getaways.catalog.internal.content.ContentDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One kind of listing (trips or stays), kept alike whatever the kind: reads join
 * PostgreSQL facts with MongoDB content and are cached in Redis; writes are one
 * PostgreSQL transaction whose events, stored in the outbox, carry the content to MongoDB
 * and evict the cache after commit. A kind adds its searches, and names its records,
 * events and refusals in its {@link ListingKind}.
 *
 * @param <L> the facts of one listing
 * @param <C> its content
 * @param <D> the two joined, as reads answer them
 */
abstract class ListingCatalog<L extends Listing, C extends ListingContent<C>, D> {

	/** Named for the kind's class (TripCatalog, StayCatalog), as log settings know it. */
	private final Logger log = LoggerFactory.getLogger(getClass());

	private final ListingKind<L, C, D> kind;

	private final ListingRows<L> rows;

	private final ContentDocuments<C> contents;

	private final CatalogCache<D, ?, ?> cache;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate readOnly;

	private final TransactionTemplate readWrite;

	ListingCatalog(ListingKind<L, C, D> kind, ListingRows<L> rows, ContentDocuments<C> contents,
			CatalogCache<D, ?, ?> cache, ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.kind = kind;
		this.rows = rows;
		this.contents = contents;
		this.cache = cache;
		this.events = events;
		this.readWrite = transactions;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
	}

	Optional<D> find(String code) {
		return cache.find(code, () -> readOnly(() -> rows.findByCode(code)).map(this::withContent));
	}

	L changeStatus(String code, ListingStatus target) {
		CatalogWriters.require();
		return readWrite.execute(status -> {
			L listing = rows.changeStatus(code, target).orElseThrow(() -> {
				rows.findByCode(code).orElseThrow(() -> kind.notFound().apply(code));
				return new AlreadyInStatusException(kind.contentKind().title(), code, target);
			});
			events.publishEvent(kind.changed().apply(code));
			return listing;
		});
	}

	/**
	 * Projects content after commit: only a newer version is written, so a replayed or
	 * late event does no harm.
	 */
	void projectContent(String code, C content) {
		if (contents.upsertIfNewer(code, content)) {
			// until the document is written, reads find no current content and are not
			// cached: this only makes sure
			CacheStore.quietly(() -> cache.evictContent(code));
		}
	}

	/** Throws when Redis failed, so that the outbox delivers the event again. */
	void evict(String code) {
		cache.evict(code);
	}

	<T> T readOnly(Supplier<T> read) {
		return readOnly.execute(status -> read.get());
	}

	/**
	 * Inserts the row and publishes its content, a new listing without content getting
	 * {@code empty}.
	 */
	D create(String code, C content, C empty, Supplier<L> insert) {
		CatalogWriters.require();
		return readWrite.execute(status -> {
			try {
				return publishContent(insert.get(), content == null ? empty : content);
			}
			catch (DuplicateKeyException ex) {
				throw kind.codeTaken().apply(code);
			}
		});
	}

	/**
	 * Inserts many rows with one statement ({@code insert} answers the rows it inserted,
	 * leaving out codes taken already) and publishes each one's content, as
	 * {@link #create} does for one.
	 */
	List<L> createAll(Function<L, C> contentOf, Supplier<List<L>> insert) {
		CatalogWriters.require();
		return readWrite.execute(status -> {
			List<L> inserted = insert.get();
			inserted.forEach(listing -> publishContent(listing, contentOf.apply(listing)));
			return inserted;
		});
	}

	/**
	 * Replaces the row, and the content under a new version when there is some;
	 * {@code whyNot} says why the row was not replaced.
	 */
	D replace(C content, Supplier<Optional<L>> replace, Supplier<RuntimeException> whyNot) {
		CatalogWriters.require();
		Replaced<L, D> replaced = readWrite.execute(status -> {
			L listing = replace.get().orElseThrow(whyNot);
			if (content != null) {
				return new Replaced<>(listing, publishContent(listing, content));
			}
			events.publishEvent(kind.changed().apply(listing.code()));
			return new Replaced<>(listing, null);
		});
		// the content kept its version, so the stored document still answers for it
		return replaced.details() != null ? replaced.details() : withContent(replaced.listing());
	}

	D withContent(L listing) {
		try {
			return kind.details().apply(listing, contents.find(listing.code()).orElse(null));
		}
		catch (DataAccessException | com.mongodb.MongoException ex) {
			log.warn("Catalog: content of {} {} unavailable: {}", kind.contentKind().label(), listing.code(),
					ex.getMessage());
			return kind.factsOnly().apply(listing);
		}
	}

	/** Content of many listings at once; none at all while MongoDB cannot answer. */
	Map<String, C> contentOf(List<String> codes) {
		try {
			return contents.findAll(codes);
		}
		catch (DataAccessException | com.mongodb.MongoException ex) {
			log.warn("Catalog: {} content unavailable: {}", kind.contentKind().label(), ex.getMessage());
			return Map.of();
		}
	}

	private D publishContent(L listing, C draftContent) {
		C content = draftContent.withVersion(listing.contentVersion());
		events.publishEvent(kind.contentChanged().apply(listing.code(), content));
		events.publishEvent(kind.changed().apply(listing.code()));
		return kind.written().apply(listing, content);
	}

	private record Replaced<L, D>(L listing, D details) {
	}

}
