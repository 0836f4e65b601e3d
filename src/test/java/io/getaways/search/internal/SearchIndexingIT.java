package io.getaways.search.internal;

import java.time.Duration;
import java.util.List;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.Superuser;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.search.SearchFixtures;
import io.getaways.search.SearchPerformed;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.SearchIndexing;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.HttpApi.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The index follows the catalog: content edits through the outbox, status changes, and
 * the backfill that repairs what events did not bring, writing nothing when nothing
 * changed.
 */
@IntegrationTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIndexingIT {

	@LocalServerPort
	int port;

	@Autowired
	Listings catalog;

	@Autowired
	Indexer indexer;

	@Autowired
	Searches searches;

	@Autowired
	ApplicationContext context;

	private final String token = TestTrips.token(9);

	private HttpApi api;

	private SearchFixtures fixtures;

	@BeforeAll
	void connect() {
		api = new HttpApi(port);
		fixtures = new SearchFixtures(catalog, token);
	}

	@Test
	void aContentEditIsSearchableOnceTheOutboxRan() {
		String code = fixtures.trip("Harbour Nights", "<p>Lanterns on the quay.</p>", "600.00", "2091-07-01T08:00:00Z");
		SearchIndexing.awaitIndexed(context, List.of(code));
		assertThat(hits("zanzibar " + token)).isZero();
		fixtures.replaceTripText(code, "Harbour Nights", "<p>Spice markets of <b>Zanzibar</b>.</p>",
				"2091-07-01T08:00:00Z", "600.00");
		SearchIndexing.awaitIndexed(context, List.of(code));
		assertThat(hits("zanzibar " + token)).isEqualTo(1);
		assertThat(hits("lanterns " + token)).isZero();
		String snippet = api.get("/api/v1/search?q=" + encode("zanzibar " + token))
			.json()
			.path("items")
			.get(0)
			.path("snippet")
			.asString();
		assertThat(snippet).contains("<mark>Zanzibar</mark>").doesNotContain("<b>").doesNotContain("<p>");
	}

	@Test
	void anInactiveListingIsNotFound() {
		String code = fixtures.trip("Lonely Skerry", "Wind and birds.", "700.00", "2091-07-02T08:00:00Z");
		SearchIndexing.awaitIndexed(context, List.of(code));
		assertThat(hits("skerry " + token)).isEqualTo(1);
		ActorContext.runAs(Actor.job("test"), () -> catalog.changeTripStatus(code, ListingStatus.INACTIVE));
		SearchIndexing.awaitIndexed(context, List.of(code));
		assertThat(hits("skerry " + token)).isZero();
	}

	@Test
	void theBackfillRestoresWhatIsMissingAndThenWritesNothing() throws Exception {
		String code = fixtures.trip("Basalt Cliffs", "Puffins nest here.", "800.00", "2091-07-03T08:00:00Z");
		SearchIndexing.awaitIndexed(context, List.of(code));
		try (Superuser superuser = new Superuser(context)) {
			superuser.jdbc().sql("DELETE FROM search.listings WHERE code = :code").param("code", code).update();
		}
		assertThat(hits("puffins " + token)).isZero();
		Indexer.BackfillResult repaired = indexer.backfill();
		assertThat(repaired.factsWritten()).isPositive();
		assertThat(repaired.textsWritten()).isPositive();
		assertThat(hits("puffins " + token)).isEqualTo(1);
		// other tests' events may still be in flight; once they are, a backfill only
		// reads
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Indexer.BackfillResult again = indexer.backfill();
			return again.read() > 0 && again.factsWritten() == 0 && again.textsWritten() == 0;
		});
	}

	@Test
	void everyAnsweredSearchIsPublished(ApplicationEvents events) {
		String code = fixtures.trip("Glacier Lagoon", "Icebergs drift.", "900.00", "2091-07-04T08:00:00Z");
		SearchIndexing.awaitIndexed(context, List.of(code));
		SearchResult result = searches.search(new SearchRequest("icebergs " + token, "trip", null, null, null, null,
				null, null, null, null, null, null, SearchSort.RELEVANCE, null, 10));
		assertThat(result.totalHits()).isEqualTo(1);
		assertThat(events.stream(SearchPerformed.class)).singleElement().satisfies(performed -> {
			assertThat(performed.query()).isEqualTo("icebergs " + token);
			assertThat(performed.kind()).isEqualTo("trip");
			assertThat(performed.hits()).isEqualTo(1);
			assertThat(performed.userId()).isNull();
		});
	}

	/**
	 * Full-text hits only: when full text finds nothing, the fallback answers whatever
	 * looks like the text, here every listing of this test's token.
	 */
	private long hits(String text) {
		JsonNode answer = api.get("/api/v1/search?q=" + encode(text)).json();
		return answer.path("fuzzy").asBoolean() ? 0 : answer.path("totalHits").asLong();
	}

}
