package io.getaways.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.getaways.catalog.internal.Listings;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.getaways.support.HttpApi.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Catalog reads in the reader's activity stream, over real HTTP and a real MongoDB
 * wire-protocol server: views and searches of signed-in travellers on /api/v1 and the
 * Travlr routes, and nothing for anonymous readers or misses.
 */
@IntegrationTest
class CatalogActivityIT {

	private static final String EVENTS = "activity_events";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Listings catalog;

	@Autowired
	MongoTemplate mongo;

	private HttpApi api;

	private TestAccounts accounts;

	private final String tripCode = TestTrips.code();

	private final String stayCode = TestStays.code();

	@BeforeEach
	void setUp() {
		api = new HttpApi(port);
		accounts = new TestAccounts(api);
		TestTrips.create(catalog, TestTrips.draft(tripCode, "Activity Reef", "Activity Bay, 3 stars",
				Instant.now().plus(30, ChronoUnit.DAYS), "640.00"));
		TestStays.create(catalog, TestStays.draft(stayCode, "Activity Villa", "Portugal", "Porto", "210.00", 4));
	}

	@Test
	void aTravellerSeesTheTripsAndStaysTheyViewedAndSearched() {
		JsonNode session = accounts.newCustomer();
		String token = TestAccounts.accessToken(session);
		String text = TestTrips.token(10);
		String country = "Land" + TestTrips.token(8);
		String departFrom = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

		ok(accounts.get("/api/v1/trips/" + tripCode.toLowerCase(), token));
		ok(accounts.get("/api/v1/trips?q=" + encode(" " + text + " ") + "&minPrice=10.5&departFrom=" + departFrom
				+ "&sort=price&page=1&size=5", token));
		ok(accounts.get("/api/v1/stays/" + stayCode, token));
		ok(accounts.get("/api/v1/stays?country=" + country + "&guests=2", token));
		ok(accounts.get("/api/trips/" + tripCode, token));
		ok(accounts.get("/api/trips", token));

		JsonNode views = await().atMost(Duration.ofSeconds(10))
			.until(() -> accounts.get("/api/v1/me/activity?kind=VIEW", token).json().get("items"),
					items -> items.size() == 3);
		assertThat(details(views.get(0))).isEqualTo(json("tripCode", tripCode, "api", "travlr"));
		assertThat(details(views.get(1))).isEqualTo(json("stayCode", stayCode));
		assertThat(details(views.get(2))).as("the code as stored, not as typed").isEqualTo(json("tripCode", tripCode));

		JsonNode searches = await().atMost(Duration.ofSeconds(10))
			.until(() -> accounts.get("/api/v1/me/activity?kind=SEARCH", token).json().get("items"),
					items -> items.size() == 3);
		assertThat(details(searches.get(0))).isEqualTo(json("catalog", "trips", "api", "travlr"));
		assertThat(details(searches.get(1)))
			.isEqualTo(json("catalog", "stays", "country", country, "guests", 2, "sort", "name", "page", 0));
		assertThat(details(searches.get(2))).isEqualTo(json("catalog", "trips", "q", text, "minPrice", "10.5",
				"departFrom", departFrom, "sort", "price", "page", 1));
	}

	@Test
	void anonymousReadsMissesAndRejectedSearchesRecordNothing() {
		String address = TestAccounts.address();
		String anonymousText = TestTrips.token(10);
		for (String path : new String[] { "/api/v1/trips/" + tripCode, "/api/v1/stays/" + stayCode,
				"/api/trips/" + tripCode, "/api/v1/trips?q=" + anonymousText, "/api/v1/stays?q=" + anonymousText,
				"/api/trips" }) {
			ok(api.get(path, "X-Forwarded-For", address));
		}

		JsonNode session = accounts.newCustomer();
		String token = TestAccounts.accessToken(session);
		String missing = TestTrips.code();
		assertThat(accounts.get("/api/v1/trips/" + missing, token).status()).isEqualTo(404);
		assertThat(accounts.get("/api/v1/stays/" + missing, token).status()).isEqualTo(404);
		assertThat(accounts.get("/api/trips/" + missing, token).status()).isEqualTo(404);
		String rejectedText = TestTrips.token(10);
		assertThat(accounts.get("/api/v1/trips?q=" + rejectedText + "&minPrice=5&maxPrice=1", token).status())
			.isEqualTo(400);

		// the queue is drained in order, so once this later search is stored every
		// earlier event would be too
		String marker = TestTrips.token(10);
		ok(accounts.get("/api/v1/stays?q=" + marker, token));
		await().atMost(Duration.ofSeconds(10)).until(() -> stored("details.q", marker), count -> count == 1);

		assertThat(stored("details.tripCode", tripCode)).isZero();
		assertThat(stored("details.stayCode", stayCode)).isZero();
		assertThat(stored("details.q", anonymousText)).isZero();
		assertThat(stored("details.tripCode", missing)).isZero();
		assertThat(stored("details.stayCode", missing)).isZero();
		assertThat(stored("details.q", rejectedText)).isZero();
		JsonNode own = accounts.get("/api/v1/me/activity", token).json().get("items");
		assertThat(own.findValuesAsString("kind")).containsExactly("SEARCH", "SIGN_IN");
	}

	private long stored(String field, String value) {
		return mongo.count(Query.query(Criteria.where(field).is(value)), EVENTS);
	}

	private static JsonNode ok(Answer answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private static JsonNode details(JsonNode item) {
		return item.get("details");
	}

	private static JsonNode json(Object... namesAndValues) {
		return JSON.readTree(TestAccounts.json(namesAndValues));
	}

}
