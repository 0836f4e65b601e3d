package io.getaways.search.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Indexes on start what the catalog already holds (an existing database, the demo
 * catalog, listings whose events were purged), so the index never depends on having seen
 * every event. A start over an indexed catalog only reads. A language that names no
 * configuration stops the start.
 */
@Component
@EnableConfigurationProperties(SearchSettings.class)
class SearchBackfill {

	private static final Logger log = LoggerFactory.getLogger(SearchBackfill.class);

	private final Indexer indexer;

	private final SearchSettings settings;

	SearchBackfill(Indexer indexer, SearchSettings settings) {
		this.indexer = indexer;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void backfill() {
		if (!settings.backfillOnStart()) {
			log.info("Search: backfill on start is off (getaways.search.backfill-on-start=false)");
			return;
		}
		long started = System.nanoTime();
		Indexer.BackfillResult result = indexer.backfill();
		log.info(
				"Search: index up to date with {} listings ({} facts and {} texts written, {} re-derived for {}) in {} ms",
				result.read(), result.factsWritten(), result.textsWritten(), result.reconfigured(), settings.config(),
				(System.nanoTime() - started) / 1_000_000);
	}

}
