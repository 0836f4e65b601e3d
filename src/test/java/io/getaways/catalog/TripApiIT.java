package io.getaways.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.Stay;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.SearchIndexing;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.HttpApi.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The /api/v1 trip search and detail over HTTP. Every search is scoped by a token only
 * this run's trips carry, so the demo catalog and other tests' trips never change the
 * expected answers.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TripApiIT {

	private static final String PROBLEM_JSON = "application/problem+json";

	@LocalServerPort
	int port;

	@Autowired
	Listings catalog;

	@Autowired
	ApplicationContext context;

	private HttpApi api;

	private final String token = TestTrips.token(8);

	private final String nameToken = TestTrips.token(8);

	private final List<Fixture> trips = new ArrayList<>();

	record Fixture(String code, String name, String resort, Instant departsAt, BigDecimal price) {
	}

	@BeforeAll
	void createTrips() {
		api = new HttpApi(port);
		String alder = "Alder Cove " + token;
		String birch = "Birch Point " + token;
		// equal departures and equal prices make the trip code decide, which is what
		// keeps pages stable
		fixture("Harbour Lights", alder, "2091-03-10T08:00:00Z", "500.00");
		fixture("Ash Drift", alder, "2091-03-10T08:00:00Z", "750.00");
		fixture("Cedar Sands", birch, "2091-03-12T08:00:00Z", "750.00");
		fixture("Birch Bay", birch, "2091-04-01T08:00:00Z", "1200.00");
		fixture("Moon Inlet", alder, "2091-05-20T23:30:00Z", "2500.00");
		trips.forEach(trip -> TestTrips.create(catalog, TestTrips.draft(trip.code(), trip.name(), trip.resort(),
				trip.departsAt(), trip.price().toPlainString())));
		Instant later = Instant.parse("2092-01-01T08:00:00Z");
		List<String> codes = new ArrayList<>(trips.stream().map(Fixture::code).toList());
		codes.add(
				TestTrips
					.create(catalog,
							TestTrips.draft(TestTrips.code(), "Quiet " + mixedCase(nameToken), "Plain Resort, 3 stars",
									later, "900.00"))
					.trip()
					.code());
		codes.add(
				TestTrips
					.create(catalog,
							TestTrips.draft(TestTrips.code(), "Plain Stay", "Lodge " + nameToken + ", 4 stars", later,
									"900.00"))
					.trip()
					.code());
		// q= matches through the search index, which follows the catalog through the
		// outbox
		SearchIndexing.awaitIndexed(context, codes);
	}

	private void fixture(String name, String resort, String departsAt, String price) {
		trips.add(new Fixture(TestTrips.code(), name, resort, Instant.parse(departsAt), new BigDecimal(price)));
	}

	@Test
	void pagesCoverEveryMatchOnceInDepartureThenCodeOrder() {
		List<String> seen = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			JsonNode body = search("resort=" + token + "&size=2&page=" + page);
			assertThat(body.path("page").asInt()).isEqualTo(page);
			assertThat(body.path("size").asInt()).isEqualTo(2);
			assertThat(body.path("totalItems").asLong()).isEqualTo(5);
			assertThat(body.path("totalPages").asLong()).isEqualTo(3);
			assertThat(body.path("items")).hasSize(page < 2 ? 2 : 1);
			seen.addAll(codes(body));
		}
		assertThat(seen).doesNotHaveDuplicates().isEqualTo(expected(Comparator.comparing(Fixture::departsAt)));
		JsonNode beyond = search("resort=" + token + "&size=2&page=3");
		assertThat(beyond.path("items")).isEmpty();
		assertThat(beyond.path("totalItems").asLong()).isEqualTo(5);
	}

	@Test
	void sortsByPriceAndByName() {
		assertThat(codes(search("resort=" + token + "&sort=price")))
			.isEqualTo(expected(Comparator.comparing(Fixture::price)));
		assertThat(codes(search("resort=" + token + "&sort=name")))
			.isEqualTo(expected(Comparator.comparing(Fixture::name)));
	}

	@Test
	void textMatchesNameOrResortIgnoringCase() {
		assertThat(search("q=" + nameToken.toLowerCase()).path("totalItems").asLong()).isEqualTo(2);
		assertThat(search("q=" + nameToken).path("totalItems").asLong()).isEqualTo(2);
		JsonNode byName = search("q=" + encode("quiet " + nameToken.toLowerCase()));
		assertThat(byName.path("items")).hasSize(1);
		assertThat(byName.path("items").get(0).path("resort").asString()).isEqualTo("Plain Resort, 3 stars");
	}

	@Test
	void resortFilterIgnoresCase() {
		assertThat(codes(search("resort=" + encode("alder cove " + token.toLowerCase()))))
			.isEqualTo(expected(Comparator.comparing(Fixture::departsAt), "Alder Cove"));
	}

	@Test
	void priceRangeIncludesBothEnds() {
		BigDecimal min = new BigDecimal("750");
		BigDecimal max = new BigDecimal("1200");
		List<String> inRange = trips.stream()
			.filter(trip -> trip.price().compareTo(min) >= 0 && trip.price().compareTo(max) <= 0)
			.sorted(Comparator.comparing(Fixture::price).thenComparing(Fixture::code))
			.map(Fixture::code)
			.toList();
		assertThat(inRange).hasSize(3);
		assertThat(codes(search("resort=" + token + "&minPrice=750&maxPrice=1200.00&sort=price"))).isEqualTo(inRange);
	}

	@Test
	void departureRangeCoversWholeUtcDays() {
		assertThat(search("resort=" + token + "&departFrom=2091-03-10&departTo=2091-03-12").path("totalItems").asLong())
			.isEqualTo(3);
		assertThat(search("resort=" + token + "&departFrom=2091-03-11").path("totalItems").asLong()).isEqualTo(3);
		assertThat(codes(search("resort=" + token + "&departFrom=2091-05-20&departTo=2091-05-20")))
			.containsExactly(trips.get(4).code());
	}

	@ParameterizedTest
	@ValueSource(strings = { "%", "_", "\\", "%%", "_%" })
	void likeWildcardsInTextAreLiteral(String text) {
		assertThat(search("q=" + encode(text)).path("totalItems").asLong()).isZero();
	}

	@Test
	void underscoreDoesNotStandForAnyCharacter() {
		assertThat(search("resort=" + token + "&q=" + encode("Ash Drift")).path("totalItems").asLong()).isEqualTo(1);
		assertThat(search("resort=" + token + "&q=" + encode("A_h Drift")).path("totalItems").asLong()).isZero();
		// full text matches whole words: a % only separates them, and stands for nothing
		assertThat(search("resort=" + token + "&q=" + encode("Dri%")).path("totalItems").asLong()).isZero();
	}

	@Test
	void detailJoinsFactsWithContentAndAcceptsLowercaseCodes() {
		Fixture trip = trips.get(0);
		JsonNode body = await().atMost(Duration.ofSeconds(30))
			.until(() -> api.get("/api/v1/trips/" + trip.code().toLowerCase()),
					answer -> answer.status() == 200 && answer.json().path("contentAvailable").asBoolean())
			.json();
		assertThat(body.path("code").asString()).isEqualTo(trip.code());
		assertThat(body.path("name").asString()).isEqualTo(trip.name());
		assertThat(body.path("resort").asString()).isEqualTo(trip.resort());
		assertThat(Instant.parse(body.path("departsAt").asString())).isEqualTo(trip.departsAt());
		assertThat(body.path("pricePerPerson").decimalValue()).isEqualByComparingTo(trip.price());
		assertThat(body.path("nights").asInt()).isEqualTo(5);
		assertThat(body.path("seatsLeft").asInt()).isEqualTo(24);
		assertThat(body.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(body.path("contentVersion").asLong()).isEqualTo(1);
		assertThat(body.path("content").path("description").asString()).contains(trip.name());
		assertThat(body.path("content").path("image").asString()).isEqualTo(trip.code().toLowerCase() + ".jpg");
	}

	@Test
	void unknownCodeIsProblemNamingTheCode() {
		String code = "NOSUCH" + TestTrips.token(6);
		// browsers and most clients ask for plain JSON; problems still come as
		// problem+json
		Answer answer = api.get("/api/v1/trips/" + code.toLowerCase(), "Accept", "application/json");
		assertProblem(answer, 404);
		assertThat(answer.json().path("detail").asString()).contains(code);
	}

	static Stream<Arguments> badParameters() {
		return Stream.of(Arguments.of("size=0", "size"), Arguments.of("size=101", "size"),
				Arguments.of("page=-1", "page"), Arguments.of("page=abc", "page"),
				Arguments.of("minPrice=abc", "minPrice"), Arguments.of("minPrice=-1", "minPrice"),
				Arguments.of("minPrice=500&maxPrice=100", "minPrice"),
				Arguments.of("departFrom=2021-13-01", "departFrom"),
				Arguments.of("departFrom=2091-03-12&departTo=2091-03-10", "departFrom"),
				Arguments.of("sort=bogus", "sort"), Arguments.of("q=" + "x".repeat(101), "q"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badParameters")
	void badParameterIsProblemNamingIt(String query, String parameter) {
		Answer answer = api.get("/api/v1/trips?" + query);
		assertProblem(answer, 400);
		assertThat(answer.json().path("errors").findValuesAsString("parameter")).contains(parameter);
	}

	@Test
	void unsupportedMethodsAndPathsAreProblems() {
		Answer delete = api.send("DELETE", "/api/v1/trips", null, null);
		assertProblem(delete, 405);
		assertThat(delete.header("Allow")).contains("GET");
		// /api/v1 has no POST endpoint yet, so a text/plain POST meets 405 before any 415
		// could apply
		assertProblem(api.send("POST", "/api/v1/trips", "text/plain", "hello"), 405);
		// everything outside the public paths needs a caller, so an anonymous probe of an
		// unknown path learns nothing
		assertProblem(api.get("/api/v1/no-such-thing"), 401);
		assertProblem(api.get("/api/v1/trips/" + encode("not-a-code!")), 400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "' OR 1=1 --", "\"; DROP TABLE app.trips; --", "{\"$gt\": \"\"}" })
	void injectionAttemptsFindNothingAndChangeNothing(String attack) {
		long before = search("size=1").path("totalItems").asLong();
		assertThat(search("q=" + encode(attack)).path("totalItems").asLong()).isZero();
		assertThat(search("resort=" + encode(attack)).path("totalItems").asLong()).isZero();
		assertThat(search("size=1").path("totalItems").asLong()).isEqualTo(before);
	}

	private JsonNode search(String query) {
		Answer answer = api.get("/api/v1/trips?" + query);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/json");
		return answer.json();
	}

	private static void assertProblem(Answer answer, int status) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
		assertThat(answer.json().path("status").asInt()).isEqualTo(status);
		assertThat(answer.body()).doesNotContain("at io.getaways").doesNotContain("Exception");
	}

	private List<String> expected(Comparator<Fixture> order, String... resortPrefix) {
		return trips.stream()
			.filter(trip -> resortPrefix.length == 0 || trip.resort().startsWith(resortPrefix[0]))
			.sorted(order.thenComparing(Fixture::code))
			.map(Fixture::code)
			.toList();
	}

	private static List<String> codes(JsonNode page) {
		return page.path("items").findValuesAsString("code");
	}

	private static String mixedCase(String value) {
		return value.charAt(0) + value.substring(1).toLowerCase();
	}

}
