package io.getaways.identity;

import java.util.Map;
import java.util.UUID;

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

import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkey registration, sign-in, listing and removal over HTTP, with a software
 * authenticator holding real EC P-256 keys.
 */
@IntegrationTest
class PasskeysIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private HttpApi http;

	private TestAccounts accounts;

	private SoftwareAuthenticator authenticator;

	@BeforeEach
	void connect() {
		// the default relying party: rp-id localhost, this server's own origin allowed
		authenticator = new SoftwareAuthenticator("http://localhost:" + port);
		http = new HttpApi(port);
		accounts = new TestAccounts(http);
	}

	@Test
	void aRegisteredPasskeySignsInAndItsTokensOpenMe() {
		JsonNode session = accounts.newCustomer();
		String token = TestAccounts.accessToken(session);
		Answer options = accounts.send("POST", "/api/v1/me/passkeys/options", token, null);
		assertThat(options.status()).as(options.toString()).isEqualTo(200);
		JsonNode publicKey = options.json().path("publicKey");
		assertThat(options.json().path("challengeId").asString()).isNotBlank();
		assertThat(publicKey.path("rp").path("id").asString()).isEqualTo("localhost");
		assertThat(publicKey.path("challenge").asString()).isNotBlank();

		SoftwareAuthenticator.Credential credential = register(token, "Laptop");

		Answer list = accounts.get("/api/v1/me/passkeys", token);
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(list.json().findValuesAsString("label")).containsExactly("Laptop");
		assertThat(list.json().get(0).path("createdAt").asString()).isNotBlank();
		assertThat(list.json().get(0).path("lastUsedAt").isNull()).isTrue();

		Answer signedIn = signIn(credential, 1);
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
		assertThat(signedIn.json().path("tokenType").asString()).isEqualTo("Bearer");
		assertThat(signedIn.json().path("refreshToken").asString()).isNotBlank();
		Answer me = accounts.get("/api/v1/me", TestAccounts.accessToken(signedIn.json()));
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.json().path("id").asString()).isEqualTo(TestAccounts.userId(session));

		assertThat(accounts.get("/api/v1/me/passkeys", token).json().get(0).path("lastUsedAt").asString()).isNotBlank();
		assertThat(auditEvents(TestAccounts.userId(session), "PASSKEY_REGISTERED")).isEqualTo(1);
		assertThat(auditEvents(TestAccounts.userId(session), "LOGIN_SUCCESS")).isEqualTo(2);
	}

	@Test
	void aWrongSignatureIsRefusedAndChangesNothing() {
		JsonNode session = accounts.newCustomer();
		SoftwareAuthenticator.Credential credential = register(TestAccounts.accessToken(session), "Phone");
		JsonNode options = signInOptions();
		Map<String, Object> forged = authenticator.get(credential,
				options.path("publicKey").path("challenge").asString(), 1,
				SoftwareAuthenticator.newKeyPair().getPrivate());

		Answer refused = sendAssertion(options.path("challengeId").asString(), forged);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().has("accessToken")).isFalse();
		JsonNode listed = accounts.get("/api/v1/me/passkeys", TestAccounts.accessToken(session)).json();
		assertThat(listed.get(0).path("lastUsedAt").isNull()).isTrue();
	}

	@Test
	void aChallengeServesOnce() {
		JsonNode session = accounts.newCustomer();
		SoftwareAuthenticator.Credential credential = register(TestAccounts.accessToken(session), "Key");
		JsonNode options = signInOptions();
		String challengeId = options.path("challengeId").asString();
		String challenge = options.path("publicKey").path("challenge").asString();

		Answer first = sendAssertion(challengeId,
				authenticator.get(credential, challenge, 1, credential.keys().getPrivate()));
		Answer replayed = sendAssertion(challengeId,
				authenticator.get(credential, challenge, 2, credential.keys().getPrivate()));

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(replayed.status()).as(replayed.toString()).isEqualTo(401);
	}

	@Test
	void aRegistrationChallengeServesOnceToo() {
		String token = TestAccounts.accessToken(accounts.newCustomer());
		JsonNode options = accounts.send("POST", "/api/v1/me/passkeys/options", token, null).json();
		String challengeId = options.path("challengeId").asString();
		Answer first = accounts.send("POST", "/api/v1/me/passkeys", token, json("challengeId", challengeId, "label",
				"One", "credential", authenticator.create(options.path("publicKey")).json()));
		Answer again = accounts.send("POST", "/api/v1/me/passkeys", token, json("challengeId", challengeId, "label",
				"Two", "credential", authenticator.create(options.path("publicKey")).json()));

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(again.status()).as(again.toString()).isEqualTo(400);
		assertThat(again.json().path("errors").findValuesAsString("parameter")).containsExactly("challengeId");
		assertThat(accounts.get("/api/v1/me/passkeys", token).json().findValuesAsString("label"))
			.containsExactly("One");
	}

	@Test
	void aSignatureCounterMustMoveForward() {
		JsonNode session = accounts.newCustomer();
		SoftwareAuthenticator.Credential credential = register(TestAccounts.accessToken(session), "Token");

		assertThat(signIn(credential, 5).status()).isEqualTo(200);
		Answer backwards = signIn(credential, 3);
		Answer same = signIn(credential, 5);
		Answer forward = signIn(credential, 6);

		assertThat(backwards.status()).as(backwards.toString()).isEqualTo(401);
		assertThat(same.status()).as(same.toString()).isEqualTo(401);
		assertThat(forward.status()).as(forward.toString()).isEqualTo(200);
		assertThat(jdbcAsAdmin("SELECT signature_count FROM system.passkeys WHERE credential_id = decode(:id, 'hex')",
				java.util.HexFormat.of().formatHex(credential.id())))
			.isEqualTo(6L);
	}

	@Test
	void aUserHoldsSeveralPasskeysAndRemovesOne() {
		String token = TestAccounts.accessToken(accounts.newCustomer());
		register(token, "Laptop");
		SoftwareAuthenticator.Credential phone = register(token, "Phone");
		JsonNode listed = accounts.get("/api/v1/me/passkeys", token).json();
		assertThat(listed.findValuesAsString("label")).containsExactly("Laptop", "Phone");
		String phoneId = listed.get(1).path("id").asString();

		Answer removed = accounts.send("DELETE", "/api/v1/me/passkeys/" + phoneId, token, null);

		assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
		assertThat(accounts.get("/api/v1/me/passkeys", token).json().findValuesAsString("label"))
			.containsExactly("Laptop");
		assertThat(signIn(phone, 1).status()).isEqualTo(401);
		// a password account keeps its password, so its last passkey may go too
		String laptopId = listed.get(0).path("id").asString();
		assertThat(accounts.send("DELETE", "/api/v1/me/passkeys/" + laptopId, token, null).status()).isEqualTo(204);
		assertThat(accounts.get("/api/v1/me/passkeys", token).json().size()).isZero();
	}

	@Test
	void anotherUsersPasskeyIsNotFound() {
		String owner = TestAccounts.accessToken(accounts.newCustomer());
		register(owner, "Mine");
		String id = accounts.get("/api/v1/me/passkeys", owner).json().get(0).path("id").asString();
		String stranger = TestAccounts.accessToken(accounts.newCustomer());

		Answer removal = accounts.send("DELETE", "/api/v1/me/passkeys/" + id, stranger, null);

		assertThat(removal.status()).as(removal.toString()).isEqualTo(404);
		assertThat(accounts.get("/api/v1/me/passkeys", stranger).json().size()).isZero();
		assertThat(accounts.get("/api/v1/me/passkeys", owner).json().findValuesAsString("label"))
			.containsExactly("Mine");
		assertThat(accounts.send("DELETE", "/api/v1/me/passkeys/" + UUID.randomUUID(), owner, null).status())
			.isEqualTo(404);
	}

	@Test
	void theLastPasskeyOfAnAccountWithoutPasswordStays() {
		JsonNode session = accounts.newCustomer();
		String token = TestAccounts.accessToken(session);
		register(token, "First");
		register(token, "Second");
		withoutPassword(TestAccounts.userId(session));
		JsonNode listed = accounts.get("/api/v1/me/passkeys", token).json();

		Answer first = accounts.send("DELETE", "/api/v1/me/passkeys/" + listed.get(0).path("id").asString(), token,
				null);
		Answer last = accounts.send("DELETE", "/api/v1/me/passkeys/" + listed.get(1).path("id").asString(), token,
				null);

		assertThat(first.status()).as(first.toString()).isEqualTo(204);
		assertThat(last.status()).as(last.toString()).isEqualTo(409);
		assertThat(accounts.get("/api/v1/me/passkeys", token).json().findValuesAsString("label"))
			.containsExactly("Second");
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndWritesNothing() {
		String token = TestAccounts.accessToken(accounts.newCustomer());
		JsonNode options = accounts.send("POST", "/api/v1/me/passkeys/options", token, null).json();
		String challengeId = options.path("challengeId").asString();
		Map<String, Object> credential = authenticator.create(options.path("publicKey")).json();

		assertField(accounts.send("POST", "/api/v1/me/passkeys", token,
				json("challengeId", challengeId, "credential", credential)), "label");
		assertField(accounts.send("POST", "/api/v1/me/passkeys", token,
				json("challengeId", challengeId, "label", "x".repeat(65), "credential", credential)), "label");
		assertField(accounts.send("POST", "/api/v1/me/passkeys", token, json("challengeId", challengeId, "label", "L")),
				"credential");
		Map<String, Object> garbled = new java.util.LinkedHashMap<>(credential);
		garbled.put("rawId", "%%%");
		assertField(accounts.send("POST", "/api/v1/me/passkeys", token,
				json("challengeId", challengeId, "label", "L", "credential", garbled)), "credential");
		assertField(
				accounts.send("POST", "/api/v1/me/passkeys", token,
						json("challengeId", challengeId, "label", "L", "credential", Map.of("rawId", "abc"))),
				"credential.response");
		assertField(accounts.send("POST", "/api/v1/me/passkeys", token, json("challengeId", challengeId, "label", "L",
				"credential", Map.of("id", "abc", "type", "public-key"))), "credential.rawId");
		assertField(accounts.send("POST", "/api/v1/me/passkeys", token,
				json("challengeId", "not-a-challenge", "label", "L", "credential", credential)), "challengeId");
		assertField(accounts.send("POST", "/api/v1/me/passkeys", token, json("label", "L", "credential", credential)),
				"challengeId");
		assertThat(accounts.get("/api/v1/me/passkeys", token).json().size()).isZero();
		// the rejected requests above never took the challenge: it still registers
		assertThat(accounts
			.send("POST", "/api/v1/me/passkeys", token,
					json("challengeId", challengeId, "label", "L", "credential", credential))
			.status()).isEqualTo(201);

		String signInChallenge = signInOptions().path("challengeId").asString();
		assertField(http.send("POST", "/api/v1/auth/passkeys", "application/json", json("challengeId", signInChallenge),
				"X-Forwarded-For", TestAccounts.address()), "credential");
		assertField(
				http.send("POST", "/api/v1/auth/passkeys", "application/json",
						json("challengeId", signInChallenge, "credential",
								Map.of("id", "abc", "rawId", "abc", "type", "public-key", "response",
										Map.of("clientDataJSON", "e30"))),
						"X-Forwarded-For", TestAccounts.address()),
				"credential.response.authenticatorData");
	}

	@Test
	void passkeyFailuresCountTowardTheSameAddressLockAsPasswordFailures() throws InterruptedException {
		String email = TestAccounts.email();
		String token = TestAccounts.accessToken(accounts.register(email, "Locked Out", TestAccounts.PASSWORD).json());
		SoftwareAuthenticator.Credential credential = register(token, "Key");
		String from = TestAccounts.address();
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
		for (int failures = 0; failures < 20;) {
			assertThat(System.nanoTime()).as("20 failures within 20 s").isLessThan(deadline);
			JsonNode options = signInOptions();
			Answer answer = sendAssertion(options.path("challengeId").asString(),
					authenticator.get(credential, options.path("publicKey").path("challenge").asString(), 1,
							SoftwareAuthenticator.newKeyPair().getPrivate()),
					from);
			if (answer.status() == 401) {
				failures++;
			}
			else {
				assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
				Thread.sleep(50);
			}
		}
		JsonNode options = signInOptions();
		Answer genuine = sendAssertion(options.path("challengeId").asString(),
				authenticator.get(credential, options.path("publicKey"), 1), from);
		assertThat(genuine.status()).as(genuine.toString()).isEqualTo(429);
		assertThat(genuine.header("Retry-After")).isNotNull();
		assertThat(accounts.login(email, TestAccounts.PASSWORD, from).status()).isEqualTo(429);
		assertThat(signIn(credential, 1).status()).as("from another address").isEqualTo(200);
	}

	@Test
	void passkeysAreKeptUnderForcedRowLevelSecurity() {
		Boolean forced = ActorContext.callAs(admin(), () -> transactions.execute(status -> jdbc.sql("""
				SELECT relrowsecurity AND relforcerowsecurity FROM pg_class
				WHERE oid = cast('system.passkeys' AS regclass)""").query(Boolean.class).single()));
		assertThat(forced).isTrue();
	}

	@Test
	void everyPasskeyRouteIsInTheOpenApiDocument() {
		Answer docs = http.get("/v3/api-docs");
		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		assertThat(docs.json().path("paths").propertyNames()).contains("/api/v1/me/passkeys/options",
				"/api/v1/me/passkeys", "/api/v1/me/passkeys/{id}", "/api/v1/auth/passkeys/options",
				"/api/v1/auth/passkeys");
	}

	@Test
	void passkeyEndpointsOfMeNeedASignedInCaller() {
		assertThat(http.send("POST", "/api/v1/me/passkeys/options", null, null).status()).isEqualTo(401);
		assertThat(http.get("/api/v1/me/passkeys").status()).isEqualTo(401);
	}

	private void assertField(Answer answer, String field) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("errors").findValuesAsString("parameter")).as(answer.toString())
			.containsExactly(field);
	}

	private SoftwareAuthenticator.Credential register(String token, String label) {
		JsonNode options = accounts.send("POST", "/api/v1/me/passkeys/options", token, null).json();
		SoftwareAuthenticator.Attestation attestation = authenticator.create(options.path("publicKey"));
		Answer registered = accounts.send("POST", "/api/v1/me/passkeys", token, json("challengeId",
				options.path("challengeId").asString(), "label", label, "credential", attestation.json()));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		assertThat(registered.json().path("label").asString()).isEqualTo(label);
		return attestation.credential();
	}

	private JsonNode signInOptions() {
		Answer options = http.send("POST", "/api/v1/auth/passkeys/options", "application/json", null, "X-Forwarded-For",
				TestAccounts.address());
		assertThat(options.status()).as(options.toString()).isEqualTo(200);
		assertThat(options.json().path("publicKey").path("rpId").asString()).isEqualTo("localhost");
		return options.json();
	}

	private Answer signIn(SoftwareAuthenticator.Credential credential, long counter) {
		JsonNode options = signInOptions();
		return sendAssertion(options.path("challengeId").asString(),
				authenticator.get(credential, options.path("publicKey"), counter));
	}

	private Answer sendAssertion(String challengeId, Map<String, Object> assertion) {
		return sendAssertion(challengeId, assertion, TestAccounts.address());
	}

	private Answer sendAssertion(String challengeId, Map<String, Object> assertion, String from) {
		return http.send("POST", "/api/v1/auth/passkeys", "application/json",
				json("challengeId", challengeId, "credential", assertion), "X-Forwarded-For", from);
	}

	/** An account as one made without a password would be (none can be made so yet). */
	private void withoutPassword(String userId) {
		ActorContext.callAs(admin(),
				() -> transactions.execute(status -> jdbc.sql("UPDATE app.users SET password_hash = '' WHERE id = :id")
					.param("id", UUID.fromString(userId))
					.update()));
	}

	private long auditEvents(String userId, String kind) {
		Actor auditor = new Actor(Actor.Role.AUDITOR, null, "test:passkeys", null, null, null);
		return ActorContext.callAs(auditor, () -> transactions.execute(status -> jdbc
			.sql("SELECT count(*) FROM audit.log WHERE table_name = 'events' AND record_id = :id AND operation = :kind")
			.param("id", userId)
			.param("kind", kind)
			.query(Long.class)
			.single()));
	}

	private Object jdbcAsAdmin(String sql, String param) {
		return ActorContext.callAs(admin(),
				() -> transactions.execute(status -> jdbc.sql(sql).param("id", param).query(Long.class).single()));
	}

	private static Actor admin() {
		return new Actor(Actor.Role.ADMIN, UUID.randomUUID().toString(), "PasskeysIT", null, null, null);
	}

}
