package io.getaways.support;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.getaways.identity.Identity;
import io.getaways.support.HttpApi.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts and sign-ins made for one test, over HTTP or through the identity module's
 * API. Every test signs in from an address of its own (sent as X-Forwarded-For, which the
 * service trusts from loopback), so sign-in throttling and rate limits of one test never
 * reach another.
 */
public final class TestAccounts {

	public static final String PASSWORD = "correct horse battery";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpApi http;

	private final String address = address();

	public TestAccounts(HttpApi http) {
		this.http = http;
	}

	public static String email() {
		return "u-" + UUID.randomUUID() + "@example.com";
	}

	/** A private client address nobody else in this run uses. */
	public static String address() {
		return "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
	}

	/**
	 * A JSON object from alternating names and values, so that tests never assemble JSON
	 * by hand.
	 */
	public static String json(Object... namesAndValues) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			body.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return JSON.writeValueAsString(body);
	}

	public Answer register(String email, String name, String password) {
		return http.send("POST", "/api/v1/auth/register", "application/json",
				json("email", email, "name", name, "password", password), "X-Forwarded-For", address);
	}

	public Answer login(String email, String password, String from) {
		return http.send("POST", "/api/v1/auth/login", "application/json", json("email", email, "password", password),
				"X-Forwarded-For", from);
	}

	/** A new traveller's session: accessToken, refreshToken and user. */
	public JsonNode newCustomer() {
		Answer answer = register(email(), "Test Traveller", PASSWORD);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json();
	}

	/** A session of an account created through the identity API with the given role. */
	public JsonNode newUserWithRole(Identity identity, String role) {
		String email = email();
		identity.createUser(email, "Test " + role, PASSWORD, role);
		return signIn(email);
	}

	public JsonNode signIn(String email) {
		Answer answer = login(email, PASSWORD, address);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	public Answer get(String path, String accessToken) {
		return http.get(path, "Authorization", "Bearer " + accessToken, "X-Forwarded-For", address);
	}

	public Answer send(String method, String path, String accessToken, String jsonBody) {
		return http.send(method, path, jsonBody == null ? null : "application/json", jsonBody, "Authorization",
				"Bearer " + accessToken, "X-Forwarded-For", address);
	}

	/**
	 * An account with a session (so a refresh token row), made through the identity
	 * module's API.
	 */
	public record Account(UUID id, String email, String accessToken, String refreshToken) {
	}

	/**
	 * A traveller with a fresh email, registered and signed in through the identity
	 * module's API.
	 */
	public static Account traveller(Identity identity, String label) {
		String email = label + "-" + UUID.randomUUID() + "@example.com";
		Identity.AccessGrant grant = identity.register(email, "Test " + label, PASSWORD, Identity.Client.API);
		return new Account(grant.user().id(), email, grant.accessToken(), grant.refreshToken());
	}

	/** Creates an API key over HTTP, as its owner, and returns the key's id. */
	public static UUID createApiKey(HttpApi api, Account owner, String... headerPairs) {
		String[] headers = new String[headerPairs.length + 2];
		headers[0] = "Authorization";
		headers[1] = "Bearer " + owner.accessToken();
		System.arraycopy(headerPairs, 0, headers, 2, headerPairs.length);
		Answer created = api.send("POST", "/api/v1/me/api-keys", "application/json",
				json("name", "test key", "scopes", List.of("catalog:read")), headers);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return UUID.fromString(created.json().get("id").asString());
	}

	public static String accessToken(JsonNode session) {
		return session.path("accessToken").asString();
	}

	public static String userId(JsonNode session) {
		return session.path("user").path("id").asString();
	}

}
