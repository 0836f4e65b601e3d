package io.getaways.identity;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestAccounts.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What identity requests leave in the audit log, read back as the auditor role: row
 * images of identities and credentials with secrets masked, sign-in events, and who acted
 * from where in which request. Each request carries a request id of its own, which finds
 * exactly its entries.
 */
@IntegrationTest
class IdentityAuditIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Identity identity;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	HttpApi api;

	/**
	 * A documentation address (RFC 5737) per test, so sign-in throttling per address
	 * never spans tests.
	 */
	String clientIp;

	@BeforeEach
	void setUp() {
		api = new HttpApi(port);
		clientIp = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
	}

	record Entry(String table, String recordId, String operation, JsonNode oldRow, JsonNode newRow, String actorUserId,
			String clientIp, String userAgent, String raw) {
	}

	@Test
	void registrationLeavesOneUserInsertByTheNewUserWithItsRequestAndTheHashMasked() {
		String email = "audit-" + UUID.randomUUID() + "@example.com";
		String requestId = requestId();
		Answer answer = api.send("POST", "/api/v1/auth/register", "application/json", """
				{"email": "%s", "name": "Audit Traveller", "password": "%s"}""".formatted(email, TestAccounts.PASSWORD),
				headers(requestId));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		assertThat(answer.header("X-Request-Id")).isEqualTo(requestId);
		String userId = answer.json().get("user").get("id").asString();

		List<Entry> entries = entries(requestId);
		List<Entry> inserts = entries.stream()
			.filter(entry -> entry.table().equals("app.users") && entry.operation().equals("INSERT"))
			.toList();
		assertThat(inserts).hasSize(1);
		Entry insert = inserts.get(0);
		assertThat(insert.recordId()).isEqualTo(userId);
		assertThat(insert.actorUserId()).isEqualTo(userId);
		assertThat(insert.clientIp()).isEqualTo(clientIp);
		assertThat(insert.userAgent()).isEqualTo(userAgent(requestId));
		assertThat(insert.newRow().get("password_hash").asString()).isEqualTo("***");
		assertThat(insert.newRow().get("email").asString()).isEqualTo(email);
		assertThat(entries).extracting(Entry::table).contains("app.user_roles", "system.refresh_tokens", "events");
		assertThat(entries)
			.allSatisfy(entry -> assertThat(entry.raw()).doesNotContain("argon2", TestAccounts.PASSWORD));
	}

	@Test
	void signInSuccessAndFailureAreEventsOfTheirRequests() {
		Account user = TestAccounts.traveller(identity, "audit-login");
		String success = requestId();
		String failure = requestId();

		assertThat(login(user.email(), TestAccounts.PASSWORD, success).status()).isEqualTo(200);
		assertThat(login(user.email(), "not the password", failure).status()).isEqualTo(401);

		assertThat(events(success, "LOGIN_SUCCESS")).singleElement().satisfies(entry -> {
			assertThat(entry.recordId()).isEqualTo(user.id().toString());
			assertThat(entry.actorUserId()).isEqualTo(user.id().toString());
			assertThat(entry.clientIp()).isEqualTo(clientIp);
			assertThat(entry.userAgent()).isEqualTo(userAgent(success));
		});
		assertThat(events(failure, "LOGIN_FAILURE")).singleElement().satisfies(entry -> {
			assertThat(entry.newRow().get("email").asString()).isEqualTo(user.email());
			assertThat(entry.actorUserId()).as("nobody signed in").isNull();
			assertThat(entry.clientIp()).isEqualTo(clientIp);
			assertThat(entry.raw()).doesNotContain("not the password");
		});
		assertThat(entries(failure)).extracting(Entry::operation).doesNotContain("LOGIN_SUCCESS");
	}

	@Test
	void apiKeyCreationLeavesTheMaskedRowAndAnEvent() {
		Account user = TestAccounts.traveller(identity, "audit-key");
		String requestId = requestId();

		UUID keyId = TestAccounts.createApiKey(api, user, headers(requestId));

		List<Entry> entries = entries(requestId);
		assertThat(entries).filteredOn(entry -> entry.table().equals("system.api_keys"))
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.operation()).isEqualTo("INSERT");
				assertThat(entry.recordId()).isEqualTo(keyId.toString());
				assertThat(entry.newRow().get("key_hash").asString()).isEqualTo("***");
				assertThat(entry.newRow().get("user_id").asString()).isEqualTo(user.id().toString());
				assertThat(entry.actorUserId()).isEqualTo(user.id().toString());
				assertThat(entry.clientIp()).isEqualTo(clientIp);
			});
		assertThat(events(requestId, "APIKEY_CREATED")).singleElement()
			.satisfies(entry -> assertThat(entry.recordId()).isEqualTo(keyId.toString()));
	}

	@Test
	void aRoleGrantLeavesAUserRolesEntryByTheAdmin() {
		String adminEmail = "audit-admin-" + UUID.randomUUID() + "@example.com";
		UserAccount admin = identity.createUser(adminEmail, "Audit Admin", TestAccounts.PASSWORD, "admin");
		String adminToken = identity.signIn(adminEmail, TestAccounts.PASSWORD, Identity.Client.API).accessToken();
		Account user = TestAccounts.traveller(identity, "audit-grant");
		String requestId = requestId();

		Answer granted = api.send("PUT", "/api/v1/admin/users/" + user.id() + "/roles/partner", null, null,
				concat(headers(requestId), "Authorization", "Bearer " + adminToken));
		assertThat(granted.status()).as(granted.toString()).isEqualTo(204);

		List<Entry> entries = entries(requestId);
		assertThat(entries).filteredOn(entry -> entry.table().equals("app.user_roles"))
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.operation()).isEqualTo("INSERT");
				assertThat(entry.recordId()).isEqualTo(user.id().toString());
				assertThat(entry.newRow().get("role").asString()).isEqualTo("partner");
				assertThat(entry.newRow().get("granted_by").asString()).isEqualTo(admin.id().toString());
				assertThat(entry.actorUserId()).isEqualTo(admin.id().toString());
			});
		assertThat(events(requestId, "ROLE_GRANTED")).singleElement()
			.satisfies(entry -> assertThat(entry.recordId()).isEqualTo(user.id().toString()));
	}

	private Answer login(String email, String password, String requestId) {
		return api.send("POST", "/api/v1/auth/login", "application/json",
				"{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password), headers(requestId));
	}

	private List<Entry> events(String requestId, String kind) {
		return entries(requestId).stream()
			.filter(entry -> entry.table().equals("events") && entry.operation().equals(kind))
			.toList();
	}

	/** Entries of one request, oldest first, read under the auditor database role. */
	private List<Entry> entries(String requestId) {
		Actor auditor = new Actor(Actor.Role.AUDITOR, null, "test:identity-audit", null, null, null);
		return ActorContext.callAs(auditor,
				() -> transactions.execute(status -> jdbc.sql("""
						SELECT table_name, record_id, operation, old_row::text AS old_row, new_row::text AS new_row,
						       actor_user_id, client_ip, user_agent, to_jsonb(l)::text AS raw
						FROM audit.log l
						WHERE request_id = :requestId
						ORDER BY id""")
					.param("requestId", requestId)
					.query((row, n) -> new Entry(row.getString("table_name"), row.getString("record_id"),
							row.getString("operation"), json(row.getString("old_row")), json(row.getString("new_row")),
							row.getString("actor_user_id"), row.getString("client_ip"), row.getString("user_agent"),
							row.getString("raw")))
					.list()));
	}

	private String[] headers(String requestId) {
		return new String[] { "X-Forwarded-For", clientIp, "X-Request-Id", requestId, "User-Agent",
				userAgent(requestId) };
	}

	private static String userAgent(String requestId) {
		return "IdentityAuditIT/1.0 (" + requestId + ")";
	}

	private static String requestId() {
		return "audit-" + UUID.randomUUID();
	}

	private static String[] concat(String[] first, String... more) {
		String[] all = new String[first.length + more.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

	private static JsonNode json(String text) {
		return text == null ? null : JSON.readTree(text);
	}

}
