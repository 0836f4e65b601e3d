package io.getaways.catalog;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.getaways.support.HttpApi.Answer;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal of the admin catalog API, over real HTTP, leaves PostgreSQL, MongoDB and
 * the audit log as they were: taken codes, bad bodies of trips and stays, bad
 * replacements, and callers who may not write the catalog.
 */
class AdminRefusalsIT extends AdminCatalogTest {

	@Test
	void takenCodeIsConflictAndChangesNothing() {
		String code = TestTrips.code();
		assertThat(send("POST", "/api/v1/admin/trips", trip(code)).status()).isEqualTo(201);
		long entries = auditEntries("app.trips", code).size();
		Answer taken = send("POST", "/api/v1/admin/trips", trip(code, body -> body.put("name", "Impostor")));
		assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
		assertThat(taken.json().path("detail").asString()).contains(code);
		assertThat(adminGet("/api/v1/admin/trips/" + code).json().path("name").asString())
			.isEqualTo("Admin Reef " + code);
		assertThat(auditEntries("app.trips", code)).hasSize((int) entries);

		String stay = TestStays.code();
		assertThat(send("POST", "/api/v1/admin/stays", stay(stay)).status()).isEqualTo(201);
		assertThat(send("POST", "/api/v1/admin/stays", stay(stay)).status()).isEqualTo(409);
	}

	static Stream<Arguments> badTrips() {
		return Stream.of(bad("currency", body -> body.put("currency", "XYZ")),
				bad("currency", body -> body.put("currency", "usd")), bad("currency", body -> body.remove("currency")),
				bad("code", body -> body.put("code", "ab")), bad("code", body -> body.put("code", "lower1234")),
				bad("code", body -> body.remove("code")), bad("name", body -> body.put("name", " ")),
				bad("name", body -> body.put("name", "x".repeat(121))), bad("resort", body -> body.remove("resort")),
				bad("pricePerPerson", body -> body.put("pricePerPerson", "-1")),
				bad("pricePerPerson", body -> body.put("pricePerPerson", "10.999")),
				bad("nights", body -> body.put("nights", 0)), bad("nights", body -> body.put("nights", 366)),
				bad("nights", body -> body.put("nights", "four")), bad("capacity", body -> body.put("capacity", 0)),
				bad("capacity", body -> body.put("capacity", 100_000)),
				bad("departsAt", body -> body.put("departsAt", "2020-01-01T08:00:00Z")),
				bad("departsAt", body -> body.put("departsAt", "next tuesday")),
				bad("content.images[0]", body -> body.put("content", Map.of("images", List.of("")))),
				bad("content.images[1]",
						body -> body.put("content", Map.of("images", List.of("a.jpg", Map.of(), "c")))),
				bad("content.attributes", body -> body.put("content", Map.of("attributes", Map.of("a.b", 1)))),
				bad("content.attributes", body -> body.put("content", Map.of("attributes", Map.of("$where", "1")))),
				bad("content.attributes", body -> body.put("content", Map.of("attributes", Map.of("version", 9)))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTrips")
	void badTripIsProblemNamingTheFieldAndWritesNothing(String field, Consumer<Map<String, Object>> change) {
		String code = TestTrips.code();
		Answer answer = send("POST", "/api/v1/admin/trips", trip(code, change));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("errors").findValuesAsString("parameter")).contains(field);
		assertNothingWritten("app.trips", "trip_content", code, "/api/v1/admin/trips/");
	}

	@Test
	void badReplacementChangesNothing() {
		String code = TestTrips.code();
		assertThat(send("POST", "/api/v1/admin/trips", trip(code)).status()).isEqualTo(201);
		int entries = auditEntries("app.trips", code).size();
		Answer answer = send("PUT", "/api/v1/admin/trips/" + code, trip(null, body -> {
			body.put("currency", "QQQ");
			body.put("nights", 0);
			body.put("content", Map.of("description", "<p>never</p>"));
		}));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.json().path("errors").findValuesAsString("parameter")).contains("currency", "nights");
		Answer otherCode = send("PUT", "/api/v1/admin/trips/" + code, trip(TestTrips.code()));
		assertThat(otherCode.status()).as(otherCode.toString()).isEqualTo(400);
		assertThat(otherCode.json().path("errors").findValuesAsString("parameter")).containsExactly("code");
		assertThat(send("PUT", "/api/v1/admin/trips/" + code, "{\"name\": ").status()).isEqualTo(400);
		JsonNode current = adminGet("/api/v1/admin/trips/" + code).json();
		assertThat(current.path("contentVersion").asLong()).isEqualTo(1);
		assertThat(current.path("currency").asString()).isEqualTo("USD");
		assertThat(auditEntries("app.trips", code)).hasSize(entries);
		assertThat(send("PUT", "/api/v1/admin/trips/NOSUCH" + TestTrips.token(6), trip(null)).status()).isEqualTo(404);
	}

	static Stream<Arguments> badStays() {
		return Stream.of(bad("maxGuests", body -> body.put("maxGuests", 51)),
				bad("maxGuests", body -> body.put("maxGuests", 0)),
				bad("country", body -> body.put("country", "x".repeat(81))), bad("city", body -> body.remove("city")),
				bad("currency", body -> body.put("currency", "EURO")),
				bad("pricePerNight", body -> body.put("pricePerNight", "-0.01")),
				bad("content.amenities[0]", body -> body.put("content", Map.of("amenities", List.of(" ")))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badStays")
	void badStayIsProblemNamingTheFieldAndWritesNothing(String field, Consumer<Map<String, Object>> change) {
		String code = TestStays.code();
		Answer answer = send("POST", "/api/v1/admin/stays", stay(code, change));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.json().path("errors").findValuesAsString("parameter")).contains(field);
		assertNothingWritten("app.stays", "stay_content", code, "/api/v1/admin/stays/");
	}

	@Test
	void onlyCatalogWritersReachTheAdminApi() {
		String code = TestTrips.code();
		for (String path : List.of("/api/v1/admin/trips", "/api/v1/admin/stays")) {
			Map<String, Object> body = path.endsWith("trips") ? trip(code) : stay(code);
			Answer anonymous = api.send("POST", path, "application/json", JSON.writeValueAsString(body));
			assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
			assertThat(anonymous.contentType()).startsWith("application/problem+json");
			Answer traveller = accounts.send("POST", path, customer, JSON.writeValueAsString(body));
			assertThat(traveller.status()).as(traveller.toString()).isEqualTo(403);
			assertThat(accounts.get(path, customer).status()).isEqualTo(403);
			assertThat(accounts.send("POST", path + "/GALR210214/deactivate", customer, null).status()).isEqualTo(403);
		}
		assertNothingWritten("app.trips", "trip_content", code, "/api/v1/admin/trips/");
		assertNothingWritten("app.stays", "stay_content", code, "/api/v1/admin/stays/");
		assertThat(api.get("/api/v1/trips/GALR210214").json().path("status").asString()).isEqualTo("ACTIVE");
	}

}
