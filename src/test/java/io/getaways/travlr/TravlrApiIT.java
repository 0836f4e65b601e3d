package io.getaways.travlr;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The /api routes hold to the Travlr contract (shared/TRAVLR_API.md) that unmodified
 * Travlr clients depend on.
 */
@IntegrationTest
class TravlrApiIT {

	private static final Set<String> FIELDS = Set.of("_id", "code", "name", "length", "start", "resort", "perPerson",
			"image", "description");

	private static final String ADMIN_ORIGIN = "http://localhost:4200";

	@LocalServerPort
	int port;

	private HttpApi api;

	@BeforeEach
	void connect() {
		api = new HttpApi(port);
	}

	@Test
	void listIsAnArrayOfTripsWithExactlyTheContractFields() {
		JsonNode trips = ok(api.get("/api/trips"));
		assertThat(trips.isArray()).isTrue();
		assertThat(trips.findValuesAsString("code")).contains("GALR210214", "DAWR210315", "CLAR210621");
		for (JsonNode trip : trips) {
			assertThat(trip.propertyNames()).as(trip.toString()).containsExactlyInAnyOrderElementsOf(FIELDS);
			for (String field : FIELDS) {
				assertThat(trip.get(field).isString()).as(field + " of " + trip.path("code")).isTrue();
			}
			assertThat(trip.path("start").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
			assertThat(trip.path("length").asString()).matches("\\d+ nights? / \\d+ days");
			assertThat(trip.path("perPerson").asString()).matches("\\d+\\.\\d{2}");
		}
	}

	@Test
	void galeReefReadsAsInTheContractExample() {
		// content is projected after commit, so on a fresh database it may trail the
		// facts for a moment
		JsonNode trip = await().atMost(Duration.ofSeconds(30))
			.until(() -> byCode(ok(api.get("/api/trips")), "GALR210214"),
					found -> !found.path("image").asString().isEmpty());
		assertThat(trip.path("code").asString()).isEqualTo("GALR210214");
		assertThat(trip.path("name").asString()).isEqualTo("Gale Reef");
		assertThat(trip.path("length").asString()).isEqualTo("4 nights / 5 days");
		assertThat(trip.path("start").asString()).isEqualTo("2021-02-14T08:00:00.000Z");
		assertThat(trip.path("resort").asString()).isEqualTo("Emerald Bay, 3 stars");
		assertThat(trip.path("perPerson").asString()).isEqualTo("799.00");
		assertThat(trip.path("image").asString()).isEqualTo("reef1.jpg");
		assertThat(trip.path("description").asString()).isNotBlank();
	}

	@Test
	void idIsStableAcrossCallsAndRoutes() {
		String first = byCode(ok(api.get("/api/trips")), "DAWR210315").path("_id").asString();
		String second = byCode(ok(api.get("/api/trips")), "DAWR210315").path("_id").asString();
		String single = ok(api.get("/api/trips/DAWR210315")).path("_id").asString();
		assertThat(first).isNotBlank().isEqualTo(second).isEqualTo(single);
	}

	@Test
	void oneTripIsAnObjectByDefaultAndAOneElementArrayOnRequest() {
		JsonNode trip = ok(api.get("/api/trips/GALR210214"));
		assertThat(trip.isObject()).isTrue();
		assertThat(trip.propertyNames()).containsExactlyInAnyOrderElementsOf(FIELDS);
		assertThat(trip.path("name").asString()).isEqualTo("Gale Reef");

		JsonNode wrapped = ok(api.get("/api/trips/GALR210214?shape=array"));
		assertThat(wrapped.isArray()).isTrue();
		assertThat(wrapped).hasSize(1);
		assertThat(wrapped.get(0)).isEqualTo(trip);
	}

	@Test
	void unknownTripIsTheTravlrNotFoundMessage() {
		Answer answer = api.get("/api/trips/NOSUCH0000");
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.contentType()).startsWith("application/json");
		assertThat(answer.json()).isEqualTo(JsonNodeFactory.instance.objectNode().put("message", "Trip not found"));
	}

	@Test
	void adminAppOriginMayPreflightWrites() {
		Answer answer = preflight(ADMIN_ORIGIN);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(ADMIN_ORIGIN);
		assertThat(answer.header("Access-Control-Allow-Methods")).contains("PUT");
		assertThat(lowerCaseList(answer.header("Access-Control-Allow-Headers"))).contains("authorization",
				"content-type");
	}

	@Test
	void unknownOriginIsRefused() {
		Answer answer = preflight("http://evil.example");
		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.header("Access-Control-Allow-Origin")).isNull();

		Answer read = api.get("/api/trips/GALR210214", "Origin", "http://evil.example");
		assertThat(read.header("Access-Control-Allow-Origin")).isNull();
	}

	private Answer preflight(String origin) {
		return api.send("OPTIONS", "/api/trips/GALR210214", null, null, "Origin", origin,
				"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers",
				"Authorization, Content-Type");
	}

	private static JsonNode ok(Answer answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/json");
		return answer.json();
	}

	private static JsonNode byCode(JsonNode trips, String code) {
		for (JsonNode trip : trips) {
			if (code.equals(trip.path("code").asString())) {
				return trip;
			}
		}
		throw new AssertionError("No trip " + code + " in " + trips);
	}

	private static List<String> lowerCaseList(String header) {
		return header == null ? List.of() : List.of(header.toLowerCase().split("\\s*,\\s*"));
	}

}
