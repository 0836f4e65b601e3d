package io.getaways.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API keys: shown once, stored hashed, limited by scopes, revocable, expiring, and
 * private to their owner.
 */
@IntegrationTest
class ApiKeysIT {

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	private HttpApi http;

	private TestAccounts accounts;

	@BeforeEach
	void connect() {
		http = new HttpApi(port);
		accounts = new TestAccounts(http);
	}

	@Test
	void theKeyIsShownOnceAndAuthenticatesTheOwnerThroughEitherHeader() {
		JsonNode owner = accounts.newCustomer();
		JsonNode created = createKey(owner, List.of("catalog:read"), null);
		String key = created.path("key").asString();
		assertThat(key).startsWith("gw_" + created.path("prefix").asString() + "_");

		Answer list = accounts.get("/api/v1/me/api-keys", accessToken(owner));
		assertThat(list.status()).isEqualTo(200);
		// The secret is base64url and may itself contain '_', so cut it after the known
		// prefix.
		String secret = key.substring(("gw_" + created.path("prefix").asString() + "_").length());
		assertThat(list.body()).doesNotContain(key).doesNotContain(secret);
		assertThat(list.json()).hasSize(1);
		assertThat(list.json().get(0).path("id").asString()).isEqualTo(created.path("id").asString());
		assertThat(list.json().get(0).has("key")).isFalse();

		for (String[] header : List.of(new String[] { "Authorization", "ApiKey " + key },
				new String[] { "X-API-Key", key })) {
			Answer me = http.get("/api/v1/me", header[0], header[1]);
			assertThat(me.status()).as(header[0] + ": " + me).isEqualTo(200);
			assertThat(me.json().path("id").asString()).isEqualTo(TestAccounts.userId(owner));
		}
		assertThat(http.get("/api/v1/me", "X-API-Key", key + "x").status()).isEqualTo(401);
		assertThat(http.get("/api/v1/me", "X-API-Key", "gw_000000000000_nothing").status()).isEqualTo(401);
	}

	@Test
	void scopesLimitWhatAKeyMayDo() {
		JsonNode admin = accounts.newUserWithRole(identity, "admin");
		String readOnly = createKey(admin, List.of("catalog:read"), null).path("key").asString();
		String writer = createKey(admin, List.of("catalog:read", "catalog:write"), null).path("key").asString();

		Answer refused = http.send("POST", "/api/trips", "application/json", trip(), "X-API-Key", readOnly);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		Answer created = http.send("POST", "/api/trips", "application/json", trip(), "X-API-Key", writer);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	@Test
	void aScopeBeyondTheOwnersPermissionsIsRefused() {
		JsonNode customer = accounts.newCustomer();
		Answer answer = accounts.send("POST", "/api/v1/me/api-keys", accessToken(customer),
				json("name", "too much", "scopes", List.of("catalog:read", "catalog:write")));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("errors").findValuesAsString("parameter")).containsExactly("scopes");
		assertThat(accounts.get("/api/v1/me/api-keys", accessToken(customer)).json()).isEmpty();
	}

	@Test
	void aRevokedKeyIsRefused() {
		JsonNode owner = accounts.newCustomer();
		JsonNode created = createKey(owner, List.of("catalog:read"), null);
		String key = created.path("key").asString();
		assertThat(http.get("/api/v1/me", "X-API-Key", key).status()).isEqualTo(200);

		Answer revoked = accounts.send("DELETE", "/api/v1/me/api-keys/" + created.path("id").asString(),
				accessToken(owner), null);
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
		assertThat(http.get("/api/v1/me", "X-API-Key", key).status()).isEqualTo(401);
		assertThat(accounts.get("/api/v1/me/api-keys", accessToken(owner)).json().get(0).path("revokedAt").asString())
			.isNotBlank();
	}

	@Test
	void anExpiredKeyIsRefused() {
		JsonNode owner = accounts.newCustomer();
		Instant expiresAt = Instant.now().plusSeconds(3);
		String key = createKey(owner, List.of("catalog:read"), expiresAt).path("key").asString();
		assertThat(http.get("/api/v1/me", "X-API-Key", key).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.pollDelay(Duration.between(Instant.now(), expiresAt))
			.until(() -> http.get("/api/v1/me", "X-API-Key", key).status() == 401);
		assertThat(Instant.now()).isAfterOrEqualTo(expiresAt);
	}

	@Test
	void useIsRecorded() {
		JsonNode owner = accounts.newCustomer();
		String key = createKey(owner, List.of("catalog:read"), null).path("key").asString();
		assertThat(accounts.get("/api/v1/me/api-keys", accessToken(owner)).json().get(0).path("lastUsedAt").isNull())
			.isTrue();
		assertThat(http.get("/api/v1/trips", "X-API-Key", key).status()).isEqualTo(200);
		JsonNode listed = accounts.get("/api/v1/me/api-keys", accessToken(owner)).json().get(0);
		assertThat(Instant.parse(listed.path("lastUsedAt").asString()))
			.isAfterOrEqualTo(Instant.parse(listed.path("createdAt").asString()));
	}

	@Test
	void nobodyElseSeesOrRevokesAKeyNotEvenAnAdmin() {
		JsonNode owner = accounts.newCustomer();
		JsonNode created = createKey(owner, List.of("catalog:read"), null);
		String id = created.path("id").asString();
		for (JsonNode other : List.of(accounts.newCustomer(), accounts.newUserWithRole(identity, "admin"))) {
			Answer list = accounts.get("/api/v1/me/api-keys", accessToken(other));
			assertThat(list.status()).isEqualTo(200);
			assertThat(list.json().findValuesAsString("id")).doesNotContain(id);
			Answer revoke = accounts.send("DELETE", "/api/v1/me/api-keys/" + id, accessToken(other), null);
			assertThat(revoke.status()).as(revoke.toString()).isEqualTo(404);
		}
		assertThat(http.get("/api/v1/me", "X-API-Key", created.path("key").asString()).status()).isEqualTo(200);
	}

	private JsonNode createKey(JsonNode session, List<String> scopes, Instant expiresAt) {
		String body = expiresAt == null ? json("name", "test key", "scopes", scopes)
				: json("name", "test key", "scopes", scopes, "expiresAt", expiresAt.toString());
		Answer answer = accounts.send("POST", "/api/v1/me/api-keys", accessToken(session), body);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json();
	}

	private static String trip() {
		String code = TestTrips.code();
		return json("code", code, "name", "Key Reef", "length", "3 nights", "start", "2093-03-01T08:00:00.000Z",
				"resort", "Key Bay", "perPerson", "450.00", "image", code.toLowerCase() + ".jpg", "description",
				"<p>Written with an API key</p>");
	}

}
