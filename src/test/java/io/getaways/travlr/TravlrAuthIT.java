package io.getaways.travlr;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static io.getaways.support.TestAccounts.PASSWORD;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Travlr's register and login, and its trip writes guarded by the token they hand out
 * (shared/TRAVLR_API.md).
 */
@IntegrationTest
class TravlrAuthIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	private HttpApi http;

	private final String address = TestAccounts.address();

	@BeforeEach
	void connect() {
		http = new HttpApi(port);
	}

	@Test
	void registerAnswersATokenWhosePayloadClientsCanReadWithoutVerifying() {
		String email = TestAccounts.email();
		Answer answer = post("/api/register", json("name", "Tess Travlr", "email", email, "password", PASSWORD), null);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.json().propertyNames()).containsExactly("token");

		JsonNode payload = payload(answer.json().path("token").asString());
		assertThat(payload.path("email").asString()).isEqualTo(email);
		assertThat(payload.path("name").asString()).isEqualTo("Tess Travlr");
		assertThat(UUID.fromString(payload.path("sub").asString())).isNotNull();
		assertThat(payload.path("exp").isIntegralNumber()).as("exp in seconds").isTrue();
		assertThat(payload.path("exp").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
		assertThat(payload.path("exp").asLong() - payload.path("iat").asLong()).isEqualTo(3600);
	}

	@Test
	void withoutATravlrSecretTokensAreTheServicesOwnRs256Tokens() {
		String token = token("/api/register", json("name", "Rae", "email", TestAccounts.email(), "password", PASSWORD));
		JsonNode header = JSON
			.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8));
		assertThat(header.path("alg").asString()).isEqualTo("RS256");
		assertThat(payload(token).has("id")).as("Travlr's id claim comes only with its secret").isFalse();
	}

	@Test
	void loginIgnoresANameFieldAndAnswersATokenOfTheAccount() {
		String email = TestAccounts.email();
		String sub = payload(token("/api/register", json("name", "Lou", "email", email, "password", PASSWORD)))
			.path("sub")
			.asString();
		JsonNode payload = payload(
				token("/api/login", json("name", "Someone Else", "email", email, "password", PASSWORD)));
		assertThat(payload.path("sub").asString()).isEqualTo(sub);
		assertThat(payload.path("name").asString()).isEqualTo("Lou");
		assertThat(payload.path("exp").asLong() - payload.path("iat").asLong()).isEqualTo(3600);
	}

	@Test
	void missingFieldsAndWrongPasswordsAnswerInTravlrsShape() {
		JsonNode allRequired = JSON.readTree("{\"message\":\"All fields are required\"}");
		String email = TestAccounts.email();
		assertThat(post("/api/register", json("name", "N", "email", email), null).json()).isEqualTo(allRequired);
		assertThat(post("/api/register", json("name", "", "email", email, "password", PASSWORD), null).status())
			.isEqualTo(400);
		Answer noBody = post("/api/register", null, null);
		assertThat(noBody.status()).isEqualTo(400);
		assertThat(noBody.json()).isEqualTo(allRequired);
		Answer loginWithoutPassword = post("/api/login", json("email", email), null);
		assertThat(loginWithoutPassword.status()).isEqualTo(400);
		assertThat(loginWithoutPassword.json()).isEqualTo(allRequired);

		token("/api/register", json("name", "N", "email", email, "password", PASSWORD));
		Answer wrong = post("/api/login", json("email", email, "password", "not the password"), null);
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.contentType()).startsWith("application/json");
		assertThat(wrong.json().propertyNames()).containsExactly("message");
	}

	@Test
	void tripWritesNeedAnAdminToken() {
		String body = trip(TestTrips.code(), "799.00");
		Answer anonymous = post("/api/trips", body, null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().path("message").asString()).isNotBlank();

		String customer = token("/api/register",
				json("name", "C", "email", TestAccounts.email(), "password", PASSWORD));
		Answer refused = post("/api/trips", body, customer);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.json().path("message").asString()).isNotBlank();
		assertThat(http.get("/api/trips/" + JSON.readTree(body).path("code").asString()).status()).isEqualTo(404);
	}

	@Test
	void anAdminCreatesAndReplacesTripsWhoseContentFollows() {
		String admin = adminToken();
		String code = TestTrips.code();
		Answer created = post("/api/trips", trip(code, "799.00"), admin);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("code").asString()).isEqualTo(code);
		assertThat(created.json().path("perPerson").asString()).isEqualTo("799.00");
		assertThat(created.json().path("length").asString()).isEqualTo("4 nights / 5 days");

		JsonNode read = await().atMost(Duration.ofSeconds(30))
			.until(() -> http.get("/api/trips/" + code).json(), trip -> !trip.path("image").asString().isEmpty());
		assertThat(read.path("image").asString()).isEqualTo(code.toLowerCase() + ".jpg");
		assertThat(read.path("description").asString()).isEqualTo("<p>Reef days</p>");

		Answer replaced = send("PUT", "/api/trips/" + code, trip(code, "1,250.50").replace("Test Reef", "New Reef"),
				admin);
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.json().path("name").asString()).isEqualTo("New Reef");
		assertThat(replaced.json().path("perPerson").asString()).isEqualTo("1250.50");
		assertThat(http.get("/api/trips/" + code).json().path("name").asString()).isEqualTo("New Reef");

		Answer duplicate = post("/api/trips", trip(code, "799.00"), admin);
		assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(400);
		assertThat(duplicate.json().path("message").asString()).isNotBlank();

		Answer unknown = send("PUT", "/api/trips/" + TestTrips.code(), trip(TestTrips.code(), "799.00"), admin);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json()).isEqualTo(JSON.readTree("{\"message\":\"Trip not found\"}"));
	}

	@Test
	void invalidTripFieldsAnswer400NamingTheField() {
		String admin = adminToken();
		Map<String, String> bad = Map.of("perPerson", "cheap", "length", "a week", "start", "next Tuesday");
		bad.forEach((field, value) -> {
			String code = TestTrips.code();
			JsonNode body = JSON.readTree(trip(code, "799.00"));
			((ObjectNode) body).put(field, value);
			Answer answer = post("/api/trips", body.toString(), admin);
			assertThat(answer.status()).as(field + ": " + answer).isEqualTo(400);
			assertThat(answer.json().path("error").asString()).isEqualTo(field);
			assertThat(answer.json().path("message").asString()).contains(field);
			assertThat(http.get("/api/trips/" + code).status()).as("nothing saved").isEqualTo(404);
		});
	}

	private String adminToken() {
		String email = TestAccounts.email();
		identity.createUser(email, "Travlr Admin", PASSWORD, "admin");
		return token("/api/login", json("email", email, "password", PASSWORD));
	}

	private static String trip(String code, String perPerson) {
		Map<String, Object> trip = new LinkedHashMap<>();
		trip.put("code", code);
		trip.put("name", "Test Reef");
		trip.put("length", "4 nights / 5 days");
		trip.put("start", "2093-02-14T08:00:00.000Z");
		trip.put("resort", "Emerald Bay, 3 stars");
		trip.put("perPerson", perPerson);
		trip.put("image", code.toLowerCase() + ".jpg");
		trip.put("description", "<p>Reef days</p>");
		return JSON.writeValueAsString(trip);
	}

	private String token(String path, String body) {
		Answer answer = post(path, body, null);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json().path("token").asString();
	}

	/**
	 * What a Travlr client does: base64url-decode the middle part, no signature check.
	 */
	private static JsonNode payload(String token) {
		String[] parts = token.split("\\.");
		assertThat(parts).hasSize(3);
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
	}

	private Answer post(String path, String body, String token) {
		return send("POST", path, body, token);
	}

	private Answer send(String method, String path, String body, String token) {
		return token == null ? http.send(method, path, "application/json", body, "X-Forwarded-For", address)
				: http.send(method, path, "application/json", body, "X-Forwarded-For", address, "Authorization",
						"Bearer " + token);
	}

}
