package io.getaways.search.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.getaways.catalog.ListingFeed;
import io.getaways.catalog.ListingText;
import io.getaways.catalog.SearchableListing;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings {@code search.listings} up to the catalog: one listing when its events arrive,
 * or every listing at start. Runs as the background job {@code search-index}, the only
 * role that may write the index; each step can run twice without harm.
 */
@Service
class Indexer {

	static final String JOB = "search-index";

	private static final Logger log = LoggerFactory.getLogger(Indexer.class);

	private final ListingFeed feed;

	private final SearchIndex index;

	private final SearchSettings settings;

	private final TransactionTemplate transactions;

	/**
	 * Trips created without content have a content version but no document; without this
	 * every booking of one would look its text up in MongoDB again.
	 */
	private final AbsentTexts absentTexts = new AbsentTexts(Duration.ofMinutes(1), 10_000);

	Indexer(ListingFeed feed, SearchIndex index, SearchSettings settings, PlatformTransactionManager transactions) {
		this.feed = feed;
		this.index = index;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * The listing's facts as PostgreSQL holds them now, and its text when the index holds
	 * an older version than the facts name and MongoDB already has it.
	 */
	void index(String kind, String code) {
		asJob(() -> {
			Optional<SearchableListing> listing = feed.listing(kind, code);
			if (listing.isEmpty()) {
				index.delete(kind, code);
				return null;
			}
			index.upsertFacts(List.of(listing.get()), settings.config());
			long held = index.contentVersion(kind, code).orElse(0L);
			long version = listing.get().contentVersion();
			if (held < version && !absentTexts.isAbsent(kind, code, version)) {
				ListingText text = feed.texts(kind, List.of(code)).get(code);
				if (text != null) {
					index.applyText(kind, code, text);
				}
				else {
					absentTexts.absent(kind, code, version);
				}
			}
			return null;
		});
	}

	/**
	 * Text carried by a content event; the facts come first when the listing is not
	 * indexed yet, since events of one write may arrive in any order.
	 */
	void applyText(String kind, String code, ListingText text) {
		absentTexts.forget(kind, code);
		asJob(() -> {
			if (index.contentVersion(kind, code).isEmpty()) {
				feed.listing(kind, code).ifPresent(listing -> index.upsertFacts(List.of(listing), settings.config()));
			}
			return index.applyText(kind, code, text);
		});
	}

	/**
	 * Every listing, a batch at a time: the batch's stamps are compared in one statement,
	 * and only listings whose facts or text the index does not hold are written, so a
	 * start over an indexed catalog only reads.
	 */
	BackfillResult backfill() {
		String config = settings.config();
		int reconfigured = asJob(() -> {
			if (!index.configExists(config)) {
				throw new IllegalStateException("getaways.search.language names no text search configuration: " + config
						+ " does not exist (docs/search.md says how to add one)");
			}
			return index.useConfig(config);
		});
		BackfillResult result = new BackfillResult(0, 0, 0, reconfigured);
		for (String kind : List.of(SearchableListing.TRIP, SearchableListing.STAY)) {
			result = result.plus(backfill(kind, config));
		}
		return result;
	}

	private BackfillResult backfill(String kind, String config) {
		BackfillResult result = new BackfillResult(0, 0, 0, 0);
		String after = null;
		while (true) {
			String from = after;
			BackfillPage page = asJob(() -> backfillPage(kind, from, config));
			if (page.last() == null) {
				return result;
			}
			result = result.plus(page.result());
			after = page.last();
			log.debug("Search: backfill of {} listings at {}", kind, after);
		}
	}

	/** One batch in one transaction, so a long backfill holds no transaction open. */
	private BackfillPage backfillPage(String kind, String after, String config) {
		List<SearchableListing> page = feed.listings(kind, after, settings.backfillBatch());
		if (page.isEmpty()) {
			return new BackfillPage(null, null);
		}
		Map<String, Instant> stamps = page.stream()
			.collect(Collectors.toMap(SearchableListing::code, SearchableListing::updatedAt));
		Set<String> stale = Set.copyOf(index.behindOnFacts(kind, stamps, config));
		int changed = stale.isEmpty() ? 0
				: index.upsertFacts(page.stream().filter(listing -> stale.contains(listing.code())).toList(), config);
		Map<String, Long> versions = page.stream()
			.collect(Collectors.toMap(SearchableListing::code, SearchableListing::contentVersion));
		List<String> behind = index.behindOnText(kind, versions);
		int texts = 0;
		if (!behind.isEmpty()) {
			for (Map.Entry<String, ListingText> text : feed.texts(kind, behind).entrySet()) {
				texts += index.applyText(kind, text.getKey(), text.getValue()) ? 1 : 0;
			}
		}
		return new BackfillPage(page.get(page.size() - 1).code(), new BackfillResult(page.size(), changed, texts, 0));
	}

	private record BackfillPage(String last, BackfillResult result) {
	}

	private <T> T asJob(Supplier<T> work) {
		return ActorContext.callAs(Actor.job(JOB), () -> transactions.execute(status -> work.get()));
	}

	/** What a backfill read and wrote. */
	record BackfillResult(int read, int factsWritten, int textsWritten, int reconfigured) {

		BackfillResult plus(BackfillResult other) {
			return new BackfillResult(read + other.read, factsWritten + other.factsWritten,
					textsWritten + other.textsWritten, reconfigured + other.reconfigured);
		}

	}

}
