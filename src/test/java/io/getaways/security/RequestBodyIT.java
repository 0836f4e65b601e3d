package io.getaways.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

import io.getaways.identity.Identity;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies of the wrong shape: a value of the wrong JSON type is answered 400 naming the
 * field, a body over the size limit 413 naming the limit, whether its length is declared
 * or it arrives in chunks; neither writes anything.
 */
@IntegrationTest
class RequestBodyIT {

	private static final int LIMIT = 64 * 1024;

	private static final HttpClient CHUNKED = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private HttpApi http;

	private TestAccounts accounts;

	record Footprint(long users, long clients, long lastAuditId) {
	}

	@BeforeEach
	void connect() {
		http = new HttpApi(port);
		accounts = new TestAccounts(http);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			email    | 5
			email    | 12.5
			email    | true
			email    | {"value": "a@example.com"}
			email    | ["a@example.com"]
			name     | 12345
			password | false
			""")
	void aRegistrationWithAValueOfTheWrongTypeNamesTheFieldAndCreatesNoAccount(String field, String value) {
		ObjectBody body = new ObjectBody().put("email", "\"" + TestAccounts.email() + "\"")
			.put("name", "\"Type Test\"")
			.put("password", "\"" + TestAccounts.PASSWORD + "\"")
			.put(field, value);
		Footprint before = footprint();
		Answer answer = http.send("POST", "/api/v1/auth/register", "application/json", body.toString(),
				"X-Forwarded-For", TestAccounts.address());

		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("errors")).hasSize(1);
		assertThat(answer.json().path("errors").get(0).path("parameter").asString()).isEqualTo(field);
		assertThat(answer.json().path("errors").get(0).path("message").asString()).isEqualTo("must be a string");
		assertThat(answer.json().path("detail").asString()).contains("'" + field + "'");
		assertThat(footprint()).isEqualTo(before);
	}

	@Test
	void numbersAndListElementsOfTheWrongTypeAreNamedWithTheirPath() {
		JsonNode admin = accounts.newUserWithRole(identity, "admin");
		String owner = TestAccounts.userId(admin);
		Footprint before = footprint();

		Answer notANumber = accounts.send("POST", "/api/v1/admin/oauth-clients", accessToken(admin), """
				{"name": "Typed partner", "ownerUserId": "%s", "scopes": ["catalog:read"], "tokenTtlMinutes": "abc"}"""
			.formatted(owner));
		assertThat(notANumber.status()).as(notANumber.toString()).isEqualTo(400);
		assertThat(notANumber.json().path("errors").get(0).path("parameter").asString()).isEqualTo("tokenTtlMinutes");
		assertThat(notANumber.json().path("errors").get(0).path("message").asString())
			.isEqualTo("must be a whole number");

		Answer element = accounts.send("POST", "/api/v1/admin/oauth-clients", accessToken(admin), """
				{"name": "Typed partner", "ownerUserId": "%s", "scopes": ["catalog:read", 5], "tokenTtlMinutes": 10}"""
			.formatted(owner));
		assertThat(element.status()).as(element.toString()).isEqualTo(400);
		assertThat(element.json().path("errors").get(0).path("parameter").asString()).isEqualTo("scopes[1]");
		assertThat(element.json().path("errors").get(0).path("message").asString()).isEqualTo("must be a string");

		Answer notAUuid = accounts.send("POST", "/api/v1/admin/oauth-clients", accessToken(admin), """
				{"name": "Typed partner", "ownerUserId": "me", "scopes": ["catalog:read"], "tokenTtlMinutes": 10}""");
		assertThat(notAUuid.status()).as(notAUuid.toString()).isEqualTo(400);
		assertThat(notAUuid.json().path("errors").get(0).path("parameter").asString()).isEqualTo("ownerUserId");
		assertThat(notAUuid.json().path("errors").get(0).path("message").asString()).isEqualTo("must be a UUID");

		assertThat(footprint()).isEqualTo(before);
	}

	@Test
	void malformedJsonNamesNoFieldAndTravlrKeepsItsOwnAnswers() {
		Answer malformed = http.send("POST", "/api/v1/auth/register", "application/json", "{\"email\": }",
				"X-Forwarded-For", TestAccounts.address());
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
		assertThat(malformed.json().has("errors")).isFalse();

		// Travlr bodies are untyped maps: a number where the contract wants a string is a
		// missing field there
		Answer travlr = http.send("POST", "/api/register", "application/json", """
				{"name": 5, "email": "%s", "password": "%s"}""".formatted(TestAccounts.email(), TestAccounts.PASSWORD),
				"X-Forwarded-For", TestAccounts.address());
		assertThat(travlr.status()).as(travlr.toString()).isEqualTo(400);
		assertThat(travlr.json().path("message").asString()).isEqualTo("All fields are required");
	}

	@Test
	void aBodyDeclaredLargerThanTheLimitIsRefusedUnreadWith413() {
		Footprint before = footprint();
		Answer answer = http.send("POST", "/api/v1/auth/register", "application/json", registration(LIMIT + 1),
				"X-Forwarded-For", TestAccounts.address());

		assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("detail").asString()).contains("64KB");
		assertThat(answer.json().path("maxBodyBytes").asLong()).isEqualTo(LIMIT);
		assertThat(answer.header("X-Request-Id")).isNotBlank();
		assertThat(footprint()).isEqualTo(before);
	}

	@Test
	void aChunkedBodyIsCountedAsItArrives() throws Exception {
		Footprint before = footprint();
		HttpResponse<String> tooLarge = sendChunked("/api/v1/auth/register", registration(LIMIT * 4));
		assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
		assertThat(tooLarge.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(footprint()).isEqualTo(before);

		HttpResponse<String> small = sendChunked("/api/v1/auth/register", registration(0));
		assertThat(small.statusCode()).as("a chunked body under the limit still reaches the API: " + small.body())
			.isEqualTo(201);
	}

	@Test
	void aBodyJustUnderTheLimitIsJudgedByTheApiNotByTheCap() {
		Answer answer = http.send("POST", "/api/v1/auth/register", "application/json", registration(LIMIT - 200),
				"X-Forwarded-For", TestAccounts.address());
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.json().path("errors").findValuesAsString("parameter")).containsExactly("name");
	}

	/**
	 * A registration whose name makes the whole body about {@code size} bytes long, or a
	 * valid one for 0.
	 */
	private static String registration(int size) {
		String prefix = "{\"email\": \"" + TestAccounts.email() + "\", \"password\": \"" + TestAccounts.PASSWORD
				+ "\", \"name\": \"";
		String name = size == 0 ? "Chunked Traveller" : "n".repeat(Math.max(1, size - prefix.length() - 2));
		return prefix + name + "\"}";
	}

	/**
	 * {@code java.net.http} sends a body of unknown length with chunked transfer
	 * encoding.
	 */
	private HttpResponse<String> sendChunked(String path, String body) throws IOException, InterruptedException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", TestAccounts.address())
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build();
		return CHUNKED.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Counted as an admin, whom row-level security shows every row. */
	private Footprint footprint() {
		Actor admin = new Actor(Actor.Role.ADMIN, null, "test:request-body", null, null, null);
		return ActorContext.callAs(admin,
				() -> transactions.execute(status -> jdbc.sql("""
						SELECT (SELECT count(*) FROM app.users) AS users,
						       (SELECT count(*) FROM system.oauth2_registered_client) AS clients,
						       (SELECT coalesce(max(id), 0) FROM audit.log) AS last_audit_id""")
					.query((row, n) -> new Footprint(row.getLong("users"), row.getLong("clients"),
							row.getLong("last_audit_id")))
					.single()));
	}

	/** A JSON object whose values are raw JSON text, kept in insertion order. */
	private static final class ObjectBody {

		private final LinkedHashMap<String, String> fields = new LinkedHashMap<>();

		ObjectBody put(String name, String rawJson) {
			fields.put(name, rawJson);
			return this;
		}

		@Override
		public String toString() {
			StringBuilder json = new StringBuilder("{");
			fields.forEach((name, value) -> json.append(json.length() > 1 ? ", " : "")
				.append('"')
				.append(name)
				.append("\": ")
				.append(value));
			return json.append('}').toString();
		}

	}

}
