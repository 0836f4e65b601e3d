package io.getaways.search;

import java.util.stream.Stream;

import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.HttpApi.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What /api/v1/search accepts and refuses: every bad parameter is a 400 naming it, and
 * any text at all is a query.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRequestsIT {

	@LocalServerPort
	int port;

	private HttpApi api;

	@BeforeAll
	void connect() {
		api = new HttpApi(port);
	}

	static Stream<Arguments> badParameters() {
		return Stream.of(Arguments.of("q=" + "x".repeat(201), "q"), Arguments.of("minPrice=-1", "minPrice"),
				Arguments.of("maxPrice=-0.01", "maxPrice"), Arguments.of("minPrice=10&maxPrice=5", "minPrice"),
				Arguments.of("checkIn=2091-01-05&checkOut=2091-01-04", "checkOut"),
				Arguments.of("checkIn=2091-01-05&checkOut=2091-01-05", "checkOut"),
				Arguments.of("checkIn=2091-01-05", "checkOut"),
				Arguments.of("checkIn=soon&checkOut=2091-01-05", "checkIn"),
				Arguments.of("departFrom=2091-02-01&departTo=2091-01-01", "departFrom"),
				Arguments.of("sort=cheapest", "sort"), Arguments.of("kind=boat", "kind"),
				Arguments.of("size=0", "size"), Arguments.of("size=101", "size"), Arguments.of("guests=0", "guests"),
				Arguments.of("minRating=5.5", "minRating"), Arguments.of("cursor=not-a-cursor", "cursor"),
				Arguments.of("cursor=" + cursor("price\n1\ntrip\nABCD"), "cursor"),
				Arguments.of("cursor=" + cursor("relevance\n1; DROP\ntrip\nABCD"), "cursor"),
				Arguments.of("kind=stay&departFrom=2091-01-01", "departFrom"));
	}

	@ParameterizedTest
	@MethodSource("badParameters")
	void aBadParameterIsAProblemNamingIt(String query, String parameter) {
		Answer answer = api.get("/api/v1/search?" + query);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("errors").findValuesAsString("parameter")).as(answer.toString())
			.contains(parameter);
	}

	@ParameterizedTest
	@ValueSource(strings = { "'", "''", "\"", "\"unclosed phrase", "\\", "\\\\'", "&|!:*", "a & b | !c", "(", ")(",
			"<->", "a <2> b", "-", "--", "- -x", "or", "or or", "!!!", ":*", "x:*A",
			"'; DROP TABLE search.listings; --", "%_%", "\u0000", "😀 ünïcödé", "\t\n", "a\\:b", "\\x00", "*" })
	void anyTextIsAQuery(String text) {
		Answer answer = api.get("/api/v1/search?q=" + encode(text));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.json().path("totalHits").isNumber()).isTrue();
		Answer listed = api.get("/api/v1/trips?q=" + encode(text));
		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
	}

	@Test
	void filtersAloneNeedNoText() {
		Answer answer = api.get("/api/v1/search?kind=trip&sort=price&size=3");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.json().path("fuzzy").asBoolean()).isFalse();
	}

	@Test
	void searchIsPublicAndReadOnly() {
		assertThat(api.send("POST", "/api/v1/search", "application/json", "{}").status()).isIn(401, 403, 405);
	}

	@Test
	void theRouteIsInTheOpenApiDocument() {
		Answer docs = api.get("/v3/api-docs");
		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		JsonNode parameters = docs.json().path("paths").path("/api/v1/search").path("get").path("parameters");
		assertThat(parameters.findValuesAsString("name")).contains("q", "kind", "country", "city", "minPrice",
				"maxPrice", "departFrom", "departTo", "checkIn", "checkOut", "guests", "minRating", "sort", "cursor",
				"size");
	}

	private static String cursor(String text) {
		return encode(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes()));
	}

}
