package io.getaways.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partners' OAuth2 clients: registered by an admin, client-credentials tokens that act
 * for the partner user.
 */
@IntegrationTest
class PartnerClientIT {

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

	@BeforeEach
	void connect() {
		http = new HttpApi(port);
		accounts = new TestAccounts(http);
	}

	@Test
	void aRegisteredClientObtainsATokenThatActsForThePartner() {
		UserAccount partner = partner();
		JsonNode client = register(partner, List.of("catalog:read", "booking:own"));
		assertThat(client.path("clientSecret").asString()).isNotBlank();

		Answer token = token(client.path("clientId").asString(), client.path("clientSecret").asString(),
				"catalog:read");
		assertThat(token.status()).as(token.toString()).isEqualTo(200);
		assertThat(token.json().path("token_type").asString()).isEqualTo("Bearer");
		assertThat(token.json().path("scope").asString()).isEqualTo("catalog:read");
		assertThat(token.json().path("expires_in").asLong()).isBetween(500L, 600L);

		String accessToken = token.json().path("access_token").asString();
		Answer me = accounts.get("/api/v1/me", accessToken);
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.json().path("id").asString()).isEqualTo(partner.id().toString());
		Answer trips = accounts.get("/api/v1/trips?size=1", accessToken);
		assertThat(trips.status()).as(trips.toString()).isEqualTo(200);
	}

	@Test
	void aWrongSecretOrAScopeBeyondTheClientsIsRefused() {
		JsonNode client = register(partner(), List.of("catalog:read"));
		String clientId = client.path("clientId").asString();

		Answer wrongSecret = token(clientId, client.path("clientSecret").asString() + "x", "catalog:read");
		assertThat(wrongSecret.status()).as(wrongSecret.toString()).isEqualTo(401);
		assertThat(wrongSecret.json().path("error").asString()).isEqualTo("invalid_client");

		Answer beyond = token(clientId, client.path("clientSecret").asString(), "booking:own");
		assertThat(beyond.status()).as(beyond.toString()).isEqualTo(400);
		assertThat(beyond.json().path("error").asString()).isEqualTo("invalid_scope");
	}

	@Test
	void onlyAdminsRegisterClientsAndOnlyWithinTheOwnersPermissions() {
		UserAccount partner = partner();
		JsonNode customer = accounts.newCustomer();
		Answer refused = accounts.send("POST", "/api/v1/admin/oauth-clients", accessToken(customer),
				newClient(partner, List.of("catalog:read")));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);

		JsonNode admin = accounts.newUserWithRole(identity, "admin");
		Answer beyond = accounts.send("POST", "/api/v1/admin/oauth-clients", accessToken(admin),
				newClient(partner, List.of("catalog:write")));
		assertThat(beyond.status()).as(beyond.toString()).isEqualTo(400);
		assertThat(beyond.json().path("errors").findValuesAsString("parameter")).containsExactly("scopes");
	}

	@Test
	void aClientIsRateLimitedAsItselfNotAsItsOwner() {
		UserAccount partner = partner();
		JsonNode client = register(partner, List.of("catalog:read"));
		String clientId = client.path("clientId").asString();
		String accessToken = token(clientId, client.path("clientSecret").asString(), "catalog:read").json()
			.path("access_token")
			.asString();
		String subject = "client:" + clientId;
		inTransactionAsAdmin("""
				INSERT INTO system.rate_limit_overrides (subject, capacity, refill_per_minute, note)
				VALUES (:subject, 1, 1, 'PartnerClientIT')""", subject);
		try {
			await().atMost(Duration.ofSeconds(15))
				.until(() -> accounts.get("/api/v1/me", accessToken).header("X-RateLimit-Limit"), "1"::equals);
			Answer limited = accounts.get("/api/v1/me", accessToken);
			assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
			Answer owner = accounts.get("/api/v1/me", accessToken(accounts.signIn(partner.email())));
			assertThat(owner.status()).as("the partner's own session").isEqualTo(200);
		}
		finally {
			inTransactionAsAdmin("DELETE FROM system.rate_limit_overrides WHERE subject = :subject", subject);
		}
	}

	private UserAccount partner() {
		return identity.createUser(TestAccounts.email(), "Partner Ltd", TestAccounts.PASSWORD, "partner");
	}

	private JsonNode register(UserAccount owner, List<String> scopes) {
		JsonNode admin = accounts.newUserWithRole(identity, "admin");
		Answer answer = accounts.send("POST", "/api/v1/admin/oauth-clients", accessToken(admin),
				newClient(owner, scopes));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer.json();
	}

	private static String newClient(UserAccount owner, List<String> scopes) {
		return json("name", "Partner integration", "ownerUserId", owner.id().toString(), "scopes", scopes,
				"tokenTtlMinutes", 10);
	}

	private Answer token(String clientId, String secret, String scope) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return http.send("POST", "/oauth2/token", "application/x-www-form-urlencoded",
				"grant_type=client_credentials&scope=" + HttpApi.encode(scope), "Authorization", "Basic " + basic,
				"X-Forwarded-For", TestAccounts.address());
	}

	private void inTransactionAsAdmin(String sql, String subject) {
		ActorContext.callAs(Actor.job("test").as(Actor.Role.ADMIN),
				() -> transactions.execute(status -> jdbc.sql(sql).param("subject", subject).update()));
	}

}
