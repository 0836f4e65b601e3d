package io.getaways.support;

import java.time.Duration;
import java.util.List;

import io.getaways.catalog.OutboxEvents;
import org.springframework.context.ApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * Waits out the outbox's lag: the search index (and so every {@code q=}) follows catalog
 * writes once their events are delivered.
 */
public final class SearchIndexing {

	private static final Duration LAG = Duration.ofSeconds(30);

	private SearchIndexing() {
	}

	/** Until every event naming one of the codes is handled, the index's included. */
	public static void awaitIndexed(ApplicationContext context, List<String> codes) {
		await().atMost(LAG)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> codes.stream().allMatch(code -> OutboxEvents.incomplete(context, code) == 0));
	}

}
