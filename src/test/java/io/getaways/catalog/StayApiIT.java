package io.getaways.catalog;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.Stay;
import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.SearchIndexing;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.HttpApi.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public stay search and detail over HTTP, with availability decided by real
 * bookings. Every search is scoped by a country only this run's stays carry, so the demo
 * stays and other tests' stays never change the expected answers.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StayApiIT {

	private static final String PROBLEM_JSON = "application/problem+json";

	@LocalServerPort
	int port;

	@Autowired
	Listings catalog;

	@Autowired
	Identity identity;

	@Autowired
	ApplicationContext context;

	private HttpApi api;

	private Superuser superuser;

	private final String country = "Land" + TestTrips.token(8);

	private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

	private UUID traveller;

	// one stay per role in the availability story
	private final String seaside = TestStays.code();

	private final String hillside = TestStays.code();

	private final String harbour = TestStays.code();

	private final String cabin = TestStays.code();

	private final String closed = TestStays.code();

	@BeforeAll
	void createStaysAndBookings() throws SQLException {
		api = new HttpApi(port);
		superuser = new Superuser(context);
		traveller = identity.createUser(TestAccounts.email(), "Stay Traveller", TestAccounts.PASSWORD, "customer").id();
		TestStays.create(catalog, TestStays.draft(seaside, "Azure Seaside Villa", country, "Porto", "300.00", 6));
		TestStays.create(catalog, TestStays.draft(hillside, "Bramble Hill House", country, "Porto", "150.00", 4));
		TestStays.create(catalog, TestStays.draft(harbour, "Cobble Harbour Flat", country, "Lagos", "90.50", 2));
		TestStays.create(catalog, TestStays.draft(cabin, "Driftwood Cabin", country, "Lagos", "150.00", 10));
		TestStays.create(catalog, TestStays.draft(closed, "Ember Closed Lodge", country, "Porto", "120.00", 8));
		TestStays.changeStatus(catalog, closed, ListingStatus.INACTIVE);
		// q= matches through the search index, which follows the catalog through the
		// outbox
		SearchIndexing.awaitIndexed(context, List.of(seaside, hillside, harbour, cabin, closed));

		// seaside: confirmed [today+10, today+13); hillside: pending [today+12,
		// today+14);
		// harbour: cancelled [today+10, today+20), which frees its nights again
		superuser.confirm(superuser.bookStay(seaside, traveller, day(10), day(13)));
		superuser.bookStay(hillside, traveller, day(12), day(14));
		superuser.cancel(superuser.bookStay(harbour, traveller, day(10), day(20)));
		superuser.rate(seaside, 9, 2);
		superuser.rate(cabin, 5, 1);
		superuser.rate(hillside, 3, 1);
	}

	@AfterAll
	void close() {
		superuser.close();
	}

	@Test
	void onlyActiveStaysAreFoundAndPagesAreStable() {
		JsonNode first = search("country=" + country + "&size=3&page=0");
		JsonNode second = search("country=" + country + "&size=3&page=1");
		assertThat(first.path("totalItems").asLong()).isEqualTo(4);
		assertThat(first.path("totalPages").asLong()).isEqualTo(2);
		assertThat(codes(first)).containsExactly(seaside, hillside, harbour);
		assertThat(codes(second)).containsExactly(cabin);
	}

	@Test
	void countryAndCityMatchWholeNamesIgnoringCase() {
		assertThat(codes(search("country=" + country.toLowerCase() + "&city=PORTO"))).containsExactly(seaside,
				hillside);
		assertThat(codes(search("country=" + country + "&city=Port"))).isEmpty();
		assertThat(codes(search("country=" + country.substring(0, 6)))).isEmpty();
	}

	@Test
	void textMatchesNameCityOrCountry() {
		assertThat(codes(search("country=" + country + "&q=" + encode("cobble harbour")))).containsExactly(harbour);
		assertThat(codes(search("country=" + country + "&q=lagos"))).containsExactly(harbour, cabin);
		assertThat(search("q=" + country.toLowerCase()).path("totalItems").asLong()).isEqualTo(4);
		assertThat(search("q=" + encode("Cob_le")).path("totalItems").asLong()).isZero();
	}

	@Test
	void guestsKeepStaysThatHoldThatMany() {
		assertThat(codes(search("country=" + country + "&guests=6"))).containsExactly(seaside, cabin);
		assertThat(codes(search("country=" + country + "&guests=2"))).containsExactly(seaside, hillside, harbour,
				cabin);
		assertThat(codes(search("country=" + country + "&guests=11"))).isEmpty();
	}

	@Test
	void priceRangeIncludesBothEndsAndSortsByPriceThenCode() {
		List<String> expected = Stream.of(hillside, cabin).sorted().toList();
		assertThat(codes(search("country=" + country + "&minPrice=150&maxPrice=150.00&sort=price")))
			.containsExactlyElementsOf(expected);
		assertThat(codes(search("country=" + country + "&sort=price")).get(0)).isEqualTo(harbour);
	}

	@Test
	void ratingSortPutsBestFirstAndUnratedLast() {
		JsonNode page = search("country=" + country + "&sort=rating");
		assertThat(codes(page)).containsExactly(cabin, seaside, hillside, harbour);
		JsonNode best = page.path("items").get(0);
		assertThat(best.path("ratingAverage").decimalValue()).isEqualByComparingTo("5.00");
		assertThat(best.path("reviewCount").asInt()).isEqualTo(1);
		assertThat(page.path("items").get(3).path("ratingAverage").isNull()).isTrue();
		assertThat(page.path("items").get(3).path("reviewCount").asInt()).isZero();
	}

	@Test
	void datesKeepOnlyStaysFreeForEveryNight() {
		// seaside [10,13) and hillside [12,14) are taken; harbour's cancelled booking
		// holds nothing
		assertThat(codes(search(dates(11, 12)))).containsExactly(hillside, harbour, cabin);
		assertThat(codes(search(dates(12, 13)))).containsExactly(harbour, cabin);
		// check-out day of one booking is the check-in day of the next: seaside is free
		// again from day 13
		assertThat(codes(search(dates(13, 14)))).containsExactly(seaside, harbour, cabin);
		assertThat(codes(search(dates(14, 20)))).containsExactly(seaside, hillside, harbour, cabin);
		assertThat(codes(search(dates(5, 10)))).containsExactly(seaside, hillside, harbour, cabin);
		assertThat(codes(search(dates(9, 30)))).containsExactly(harbour, cabin);
		assertThat(codes(search(dates(9, 30) + "&guests=5"))).containsExactly(cabin);
	}

	@Test
	void detailShowsFactsContentRatingAndWhenNotWhoBooked() {
		JsonNode body = await().atMost(Duration.ofSeconds(30))
			.until(() -> api.get("/api/v1/stays/" + seaside.toLowerCase()),
					answer -> answer.status() == 200 && answer.json().path("contentAvailable").asBoolean())
			.json();
		assertThat(body.path("code").asString()).isEqualTo(seaside);
		assertThat(body.path("name").asString()).isEqualTo("Azure Seaside Villa");
		assertThat(body.path("country").asString()).isEqualTo(country);
		assertThat(body.path("city").asString()).isEqualTo("Porto");
		assertThat(body.path("pricePerNight").decimalValue()).isEqualByComparingTo("300.00");
		assertThat(body.path("currency").asString()).isEqualTo("EUR");
		assertThat(body.path("maxGuests").asInt()).isEqualTo(6);
		assertThat(body.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(body.path("ratingAverage").decimalValue()).isEqualByComparingTo("4.50");
		assertThat(body.path("reviewCount").asInt()).isEqualTo(2);
		assertThat(body.path("content").path("description").asString()).contains("Azure Seaside Villa");
		assertThat(body.path("content").path("amenities").get(0).asString()).isEqualTo("Pool");
		assertThat(body.path("content").path("attributes").path("bedrooms").asInt()).isEqualTo(2);

		JsonNode availability = body.path("availability");
		assertThat(availability.path("from").asString()).isEqualTo(today.toString());
		assertThat(availability.path("to").asString()).isEqualTo(today.plusDays(90).toString());
		assertThat(availability.path("occupied")).hasSize(1);
		assertThat(availability.path("occupied").get(0).path("checkIn").asString()).isEqualTo(day(10).toString());
		assertThat(availability.path("occupied").get(0).path("checkOut").asString()).isEqualTo(day(13).toString());
		assertThat(availability.path("occupied").get(0).propertyNames()).containsExactlyInAnyOrder("checkIn",
				"checkOut");
		assertThat(api.get("/api/v1/stays/" + seaside).body()).doesNotContain(traveller.toString());
	}

	@Test
	void availabilityWindowShowsRangesThatOverlapIt() {
		assertThat(occupied(hillside, 0, 12)).isEmpty();
		assertThat(occupied(hillside, 13, 14)).containsExactly(day(12) + "/" + day(14));
		assertThat(occupied(hillside, 14, 40)).isEmpty();
		assertThat(occupied(harbour, 0, 366)).as("a cancelled booking takes no night").isEmpty();
	}

	@Test
	void unknownAndInactiveStaysAreNotFound() {
		Answer unknown = api.get("/api/v1/stays/NOSUCH" + TestTrips.token(6));
		assertProblem(unknown, 404);
		assertProblem(api.get("/api/v1/stays/" + closed), 404);
		assertProblem(api.get("/api/v1/stays/" + encode("not-a-code!")), 400);
	}

	static Stream<Arguments> badParameters() {
		return Stream.of(Arguments.of("guests=0", List.of("guests")), Arguments.of("guests=abc", List.of("guests")),
				Arguments.of("checkIn=" + day(3), List.of("checkOut")),
				Arguments.of("checkOut=" + day(3), List.of("checkIn")),
				Arguments.of("checkIn=" + day(3) + "&checkOut=" + day(3), List.of("checkOut")),
				Arguments.of("checkIn=" + day(3) + "&checkOut=" + day(1), List.of("checkOut")),
				Arguments.of("checkIn=" + day(-1) + "&checkOut=" + day(3), List.of("checkIn")),
				Arguments.of("checkIn=" + day(1) + "&checkOut=" + day(400), List.of("checkOut")),
				Arguments.of("checkIn=2031-02-30&checkOut=2031-03-02", List.of("checkIn")),
				Arguments.of("minPrice=500&maxPrice=100", List.of("minPrice")),
				Arguments.of("minPrice=1.234", List.of("minPrice")), Arguments.of("sort=bogus", List.of("sort")),
				Arguments.of("size=0", List.of("size")), Arguments.of("page=-1", List.of("page")),
				Arguments.of("city=" + "x".repeat(81), List.of("city")), Arguments
					.of("checkIn=" + day(-2) + "&minPrice=9&maxPrice=1", List.of("checkIn", "checkOut", "minPrice")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badParameters")
	void badParameterIsProblemNamingEachOne(String query, List<String> parameters) {
		Answer answer = api.get("/api/v1/stays?" + query);
		assertProblem(answer, 400);
		assertThat(answer.json().path("errors").findValuesAsString("parameter")).containsAll(parameters);
	}

	@Test
	void badAvailabilityWindowIsProblemNamingIt() {
		Answer backwards = api.get("/api/v1/stays/" + seaside + "?from=" + day(5) + "&to=" + day(5));
		assertProblem(backwards, 400);
		assertThat(backwards.json().path("errors").findValuesAsString("parameter")).containsExactly("to");
		Answer tooLong = api.get("/api/v1/stays/" + seaside + "?from=" + day(0) + "&to=" + day(367));
		assertProblem(tooLong, 400);
		assertThat(tooLong.json().path("errors").findValuesAsString("parameter")).containsExactly("to");
		assertThat(api.get("/api/v1/stays/" + seaside + "?from=" + day(0) + "&to=" + day(366)).status()).isEqualTo(200);
		assertProblem(api.get("/api/v1/stays/" + seaside + "?from=tomorrow"), 400);
	}

	@Test
	void writesAreNotPublic() {
		assertProblem(api.send("POST", "/api/v1/stays", "application/json", "{}"), 401);
		assertProblem(api.send("DELETE", "/api/v1/stays/" + seaside, null, null), 401);
	}

	private List<String> occupied(String code, int fromDay, int toDay) {
		Answer answer = api.get("/api/v1/stays/" + code + "?from=" + day(fromDay) + "&to=" + day(toDay));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json()
			.path("availability")
			.path("occupied")
			.valueStream()
			.map(range -> range.path("checkIn").asString() + "/" + range.path("checkOut").asString())
			.toList();
	}

	private String dates(int checkIn, int checkOut) {
		return "country=" + country + "&checkIn=" + day(checkIn) + "&checkOut=" + day(checkOut);
	}

	private static LocalDate day(int fromToday) {
		return LocalDate.now(ZoneOffset.UTC).plusDays(fromToday);
	}

	private JsonNode search(String query) {
		Answer answer = api.get("/api/v1/stays?" + query);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/json");
		return answer.json();
	}

	private static List<String> codes(JsonNode page) {
		return page.path("items").findValuesAsString("code");
	}

	private static void assertProblem(Answer answer, int status) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
		assertThat(answer.body()).doesNotContain("at io.getaways").doesNotContain("Exception");
	}

}
