package io.getaways.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.Stay;
import io.getaways.identity.Identity;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.review.ReviewPosted;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestTrips;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.HttpApi.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search pages of trips and stays in Redis: equal searches share an entry, and any change
 * of a trip (a stay) makes every trip (stay) page miss at once, with no key scanned. Each
 * search is scoped by a resort or country of its own.
 */
@IntegrationTest
class SearchPageCacheIT {

	private static final Instant DEPARTURE = Instant.parse("2095-05-01T08:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	Listings catalog;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Identity identity;

	private HttpApi api;

	@BeforeEach
	void connect() {
		api = new HttpApi(port);
	}

	@Test
	void equalTripSearchesShareAnEntryThatAnyTripChangeInvalidates() {
		String resort = "Page Resort " + TestTrips.token(8);
		String first = createTrip("Alpha Page", resort, "300.00");
		String search = "/api/v1/trips?resort=" + encode(resort) + "&sort=price&minPrice=100";

		assertThat(codes(search)).containsExactly(first);
		assertThat(codes(
				cachedRead("/api/v1/trips?resort=" + encode(resort) + "&minPrice=100.00&sort=price", "trip-page")))
			.as("same search, parameters in another order, from Redis")
			.containsExactly(first);

		String second = createTrip("Beta Page", resort, "200.00");
		assertThat(codes(search)).as("a new trip shows at once").containsExactly(second, first);

		TestTrips.replace(catalog, TestTrips.draft(second, "Beta Page", resort, DEPARTURE, "900.00"));
		assertThat(codes(search)).as("a price change reorders at once").containsExactly(first, second);

		ActorContext.runAs(Actor.job("test"), () -> catalog.changeTripStatus(first, ListingStatus.INACTIVE));
		assertThat(codes(search)).as("a deactivated trip leaves at once").containsExactly(second);
	}

	@Test
	void seatsTakenShowOnPagesOnceTheBookingSaysTheTripChanged() throws Exception {
		String resort = "Seat Resort " + TestTrips.token(8);
		String code = createTrip("Seat Page", resort, "300.00");
		String search = "/api/v1/trips?resort=" + encode(resort);
		assertThat(cachedRead(search, "trip-page").path("items").get(0).path("seatsLeft").asInt()).isEqualTo(24);

		UUID traveller = identity.createUser(TestAccounts.email(), "Page Traveller", TestAccounts.PASSWORD, "customer")
			.id();
		try (Superuser superuser = new Superuser(context)) {
			superuser.bookSeats(code, traveller, 3);
		}
		assertThat(cachedRead(search, "trip-page").path("items").get(0).path("seatsLeft").asInt())
			.as("still the cached page")
			.isEqualTo(24);
		// what the booking module publishes in the booking's transaction
		ActorContext.runAs(Actor.job("test"),
				() -> transactions.executeWithoutResult(status -> events.publishEvent(new TripChanged(code))));
		assertThat(search(search).path("items").get(0).path("seatsLeft").asInt()).isEqualTo(21);
	}

	@Test
	void staySearchesAreCachedButNotThoseForDates() throws Exception {
		String country = "Pageland" + TestTrips.token(8);
		String first = TestStays.code();
		TestStays.create(catalog, TestStays.draft(first, "Amber Page Villa", country, "Faro", "200.00", 4));
		String search = "/api/v1/stays?country=" + encode(country);
		assertThat(codes(search)).containsExactly(first);
		assertThat(codes(cachedRead(search, "stay-page"))).containsExactly(first);

		String second = TestStays.code();
		TestStays.create(catalog, TestStays.draft(second, "Birch Page Villa", country, "Faro", "250.00", 4));
		assertThat(codes(search)).as("a new stay shows at once").containsExactly(first, second);

		LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(20);
		String forDates = search + "&checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(3);
		assertThat(codes(forDates)).containsExactly(first, second);
		UUID traveller = identity
			.createUser(TestAccounts.email(), "Stay Page Traveller", TestAccounts.PASSWORD, "customer")
			.id();
		try (Superuser superuser = new Superuser(context)) {
			superuser.bookStay(first, traveller, checkIn.plusDays(1), checkIn.plusDays(2));
		}
		assertThat(codes(forDates)).as("availability is read every time").containsExactly(second);

		assertThat(rating(cachedRead(search, "stay-page"), second).isNull()).isTrue();
		try (Superuser superuser = new Superuser(context)) {
			superuser.rate(second, 9, 2);
		}
		assertThat(rating(cachedRead(search, "stay-page"), second).isNull()).as("still the cached page").isTrue();
		ActorContext.runAs(Actor.job("review-test"), () -> transactions
			.executeWithoutResult(status -> events.publishEvent(new ReviewPosted(UUID.randomUUID(), null, second, 5))));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(rating(search(search), second).decimalValue()).isEqualByComparingTo("4.50"));
	}

	private JsonNode rating(JsonNode page, String code) {
		return page.path("items")
			.valueStream()
			.filter(item -> item.path("code").asString().equals(code))
			.findFirst()
			.orElseThrow()
			.path("ratingAverage");
	}

	private String createTrip(String name, String resort, String price) {
		String code = TestTrips.code();
		TestTrips.create(catalog, TestTrips.draft(code, name, resort, DEPARTURE, price));
		return code;
	}

	private JsonNode search(String path) {
		Answer answer = api.get(path);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private List<String> codes(String path) {
		return codes(search(path));
	}

	private static List<String> codes(JsonNode page) {
		return page.path("items").valueStream().map(item -> item.path("code").asString()).toList();
	}

	/**
	 * A read answered from Redis. On a busy machine a Redis command may time out, and the
	 * cache is then bypassed for a moment; so this reads until one read counts as a hit.
	 */
	private JsonNode cachedRead(String path, String cache) {
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
			double before = hits(cache);
			JsonNode body = search(path);
			return hits(cache) > before ? body : null;
		}, Objects::nonNull);
	}

	private double hits(String cache) {
		Counter counter = meters.find("getaways.cache.requests").tags("cache", cache, "result", "hit").counter();
		return counter == null ? 0 : counter.count();
	}

}
