package io.getaways.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.getaways.catalog.internal.Listings;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.SearchIndexing;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.HttpApi.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /api/v1/search over the real index: listings written through the catalog, indexed
 * through the outbox. Every query carries this run's token, which only its listings'
 * places hold.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIT {

	@LocalServerPort
	int port;

	@Autowired
	Listings catalog;

	@Autowired
	ApplicationContext context;

	private final String token = TestTrips.token(9);

	private HttpApi api;

	private SearchFixtures fixtures;

	private String beachByName;

	private String beachInDescription;

	private String coralGarden;

	private String gardenCoral;

	private String coralBay;

	private String maldives;

	private String cancun;

	private final List<String> codes = new ArrayList<>();

	@BeforeAll
	void createListings() {
		api = new HttpApi(port);
		fixtures = new SearchFixtures(catalog, token);
		beachByName = add(fixtures.trip("Sunny Beach Escape", "<p>Days of rest and good food.</p>", "450.00",
				"2091-06-01T08:00:00Z"));
		beachInDescription = add(
				fixtures.trip("Quiet Retreat", "<p>A short walk to the beach.</p>", "1450.00", "2091-06-02T08:00:00Z"));
		coralGarden = add(fixtures.trip("Coral Garden", "Reef life.", "900.00", "2091-06-03T08:00:00Z"));
		gardenCoral = add(fixtures.trip("Garden of Coral", "Reef life.", "950.00", "2091-06-04T08:00:00Z"));
		coralBay = add(fixtures.trip("Coral Bay", "Reef life.", "2500.00", "2091-06-05T08:00:00Z"));
		maldives = add(fixtures.trip("Maldives Atoll", "Overwater villas.", "3100.00", "2091-06-06T08:00:00Z"));
		cancun = add(fixtures.stay("Casa Azul", "Cancún", "Mexico", "Steps from the sea.", "180.00"));
		SearchIndexing.awaitIndexed(context, codes);
	}

	@Test
	void aNameHitOutranksADescriptionOnlyHit() {
		assertThat(codes(search("q=" + encode("beach " + token)))).containsExactly(beachByName, beachInDescription);
	}

	@Test
	void wordsAreStemmed() {
		assertThat(codes(search("q=" + encode("beaches " + token)))).containsExactly(beachByName, beachInDescription);
	}

	@Test
	void accentsDoNotMatter() {
		assertThat(codes(search("q=" + encode("cancun " + token)))).containsExactly(cancun);
		assertThat(codes(search("q=" + encode("CANCÚN " + token)))).containsExactly(cancun);
		JsonNode hit = search("q=" + encode("sea cancun " + token)).path("items").get(0);
		assertThat(hit.path("snippet").asString()).contains("<mark>sea</mark>");
	}

	@Test
	void aTypoFallsBackToSimilarNamesWithASuggestion() {
		JsonNode found = search("q=" + encode("Maldeves " + token));
		assertThat(found.path("fuzzy").asBoolean()).isTrue();
		assertThat(codes(found)).startsWith(maldives);
		assertThat(found.path("suggestion").asString()).isEqualToIgnoringCase("Maldives " + token);
		assertThat(codes(search("q=" + encode("Maldivs " + token)))).contains(maldives);
	}

	@Test
	void exactTextIsNotFuzzy() {
		JsonNode found = search("q=" + encode("maldives " + token));
		assertThat(found.path("fuzzy").asBoolean()).isFalse();
		assertThat(found.path("suggestion").isNull()).isTrue();
	}

	@Test
	void phrasesAndExclusions() {
		assertThat(codes(search("q=" + encode("\"coral garden\" " + token)))).containsExactly(coralGarden);
		assertThat(codes(search("q=" + encode("coral " + token + " -garden")))).containsExactly(coralBay);
		assertThat(codes(search("q=" + encode(token + " coral or " + token + " beach")))).hasSize(5);
	}

	@Test
	void facetsAddUpToTheTotal() {
		JsonNode found = search("q=" + encode(token) + "&size=2");
		long total = found.path("totalHits").asLong();
		assertThat(total).isEqualTo(codes.size());
		for (String facet : List.of("kind", "country", "priceBand")) {
			long sum = 0;
			for (JsonNode count : found.path("facets").path(facet)) {
				sum += count.path("hits").asLong();
			}
			assertThat(sum).as(facet).isEqualTo(total);
		}
	}

	@Test
	void cursorsWalkEveryHitOnceInEverySort() {
		for (String sort : List.of("relevance", "price", "rating", "date")) {
			Set<String> seen = new HashSet<>();
			List<String> order = new ArrayList<>();
			String cursor = null;
			do {
				JsonNode page = search("q=" + encode(token) + "&size=2&sort=" + sort
						+ (cursor == null ? "" : "&cursor=" + encode(cursor)));
				order.addAll(codes(page));
				cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
			}
			while (cursor != null);
			seen.addAll(order);
			assertThat(order).as(sort).hasSize(codes.size()).doesNotHaveDuplicates();
			assertThat(seen).as(sort).containsExactlyInAnyOrderElementsOf(codes);
		}
	}

	@Test
	void filtersNarrowTheHits() {
		assertThat(codes(search("q=" + encode(token) + "&kind=stay"))).containsExactly(cancun);
		assertThat(codes(search("q=" + encode(token) + "&country=mexico"))).containsExactly(cancun);
		assertThat(codes(search("q=" + encode(token) + "&minPrice=900&maxPrice=950&sort=price")))
			.containsExactly(coralGarden, gardenCoral);
		assertThat(codes(search("q=" + encode(token) + "&departFrom=2091-06-05&departTo=2091-06-05")))
			.containsExactly(coralBay);
		assertThat(codes(search("q=" + encode(token) + "&checkIn=2091-01-01&checkOut=2091-01-04")))
			.containsExactly(cancun);
	}

	@Test
	void theCatalogListsMatchWithTheSameEngine() {
		JsonNode trips = json(api.get("/api/v1/trips?q=" + encode("beaches " + token)));
		assertThat(trips.path("totalItems").asLong()).isEqualTo(2);
		JsonNode stays = json(api.get("/api/v1/stays?q=" + encode("cancun " + token)));
		assertThat(stays.path("totalItems").asLong()).isEqualTo(1);
	}

	private String add(String code) {
		codes.add(code);
		return code;
	}

	private JsonNode search(String query) {
		return json(api.get("/api/v1/search?" + query));
	}

	private static JsonNode json(Answer answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private static List<String> codes(JsonNode page) {
		List<String> codes = new ArrayList<>();
		page.path("items").forEach(item -> codes.add(item.path("code").asString()));
		return codes;
	}

}
