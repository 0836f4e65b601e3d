package io.getaways.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import io.getaways.audit.AuditHttp.Answer;
import io.getaways.identity.Identity;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/admin/audit} over HTTP, as a user with the auditor role; every
 * search is scoped by ids only this class's entries carry.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiIT {

	private static final String PATH = "/api/v1/admin/audit";

	private static final String PASSWORD = "audit api reader password";

	@LocalServerPort
	int port;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Identity identity;

	private AuditHttp http;

	private final String subject = "subject-" + UUID.randomUUID();

	private final String alice = "alice-" + UUID.randomUUID();

	private final String bob = "bob-" + UUID.randomUUID();

	private final List<Long> ids = new ArrayList<>();

	@BeforeAll
	void recordEvents() {
		String email = "auditor-" + UUID.randomUUID() + "@example.com";
		identity.createUser(email, "Audit API reader", PASSWORD, "auditor");
		http = new AuditHttp(port, identity.signIn(email, PASSWORD, Identity.Client.API).accessToken());
		for (String user : List.of(alice, bob, alice, bob, alice)) {
			Actor actor = new Actor(Actor.Role.CUSTOMER, user, user + "@example.com", "192.0.2.1", "AuditApiIT", null);
			ids.add(ActorContext.callAs(actor, () -> auditLog.recordEvent("LOGIN_SUCCESS", subject, Map.of())));
		}
	}

	@Test
	void pagesAreNewestFirstAndCoverEveryEntryOnce() {
		List<Long> seen = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			Answer answer = http.get(PATH, Map.of("recordId", subject, "size", 2, "page", page));
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.body().get("totalItems").asLong()).isEqualTo(5);
			assertThat(answer.body().get("totalPages").asLong()).isEqualTo(3);
			seen.addAll(ids(answer));
		}
		List<Long> newestFirst = new ArrayList<>(ids);
		Collections.reverse(newestFirst);
		assertThat(seen).containsExactlyElementsOf(newestFirst);
	}

	@Test
	void entriesCarryTheActorAndTheirDetailsAsJson() {
		JsonNode entry = http.get(PATH, Map.of("recordId", subject, "size", 1)).body().get("items").get(0);
		assertThat(entry.get("id").asLong()).isEqualTo(ids.get(4));
		assertThat(entry.get("table").asString()).isEqualTo("events");
		assertThat(entry.get("operation").asString()).isEqualTo("LOGIN_SUCCESS");
		assertThat(entry.get("actorUserId").asString()).isEqualTo(alice);
		assertThat(entry.get("actor").asString()).isEqualTo(alice + "@example.com");
		assertThat(entry.get("clientIp").asString()).isEqualTo("192.0.2.1");
		assertThat(entry.get("newRow").isObject()).isTrue();
		assertThat(entry.get("oldRow").isNull()).isTrue();
		assertThat(entry.get("contentHash").asString()).hasSize(64);
	}

	@Test
	void callersWithoutATokenAreRefused() {
		Answer answer = new AuditHttp(port, null).get(PATH, Map.of("recordId", subject));
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.contentType()).startsWith("application/problem+json");
	}

	@Test
	void filtersByTableUserAndTime() {
		assertThat(ids(http.get(PATH, Map.of("recordId", subject, "userId", bob)))).containsExactly(ids.get(3),
				ids.get(1));
		assertThat(ids(http.get(PATH, Map.of("table", "events", "userId", alice, "size", 200))))
			.containsExactly(ids.get(4), ids.get(2), ids.get(0));
		assertThat(ids(http.get(PATH, Map.of("table", "app.trips", "recordId", subject)))).isEmpty();

		Instant second = occurredAt(ids.get(1));
		Instant fourth = occurredAt(ids.get(3));
		assertThat(ids(http.get(PATH, Map.of("recordId", subject, "from", second, "to", fourth))))
			.as("from is inclusive, to exclusive")
			.containsExactly(ids.get(2), ids.get(1));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "size=0|size", "size=201|size", "page=-1|page", "from=yesterday|from",
			"to=2025-13-01T00:00:00Z|to", "table=app.trips;DROP|table", "recordId=|recordId" })
	void badParametersAnswer400NamingThem(String parameter, String name) {
		String[] pair = parameter.split("=", 2);
		Answer answer = http.get(PATH, Map.of(pair[0], pair[1]));
		assertProblemNaming(answer, name);
	}

	@Test
	void everyBadParameterIsNamedAtOnce() {
		Answer answer = http.get(PATH, Map.of("size", 500, "page", -3));
		assertProblemNaming(answer, "size");
		assertProblemNaming(answer, "page");
	}

	@Test
	void aRangeThatEndsBeforeItStartsIsRefused() {
		Answer answer = http.get(PATH, Map.of("from", "2025-02-01T00:00:00Z", "to", "2025-01-01T00:00:00Z"));
		assertProblemNaming(answer, "from");
	}

	private static void assertProblemNaming(Answer answer, String parameter) {
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(StreamSupport.stream(answer.body().get("errors").spliterator(), false)
			.map(error -> error.get("parameter").asString())).contains(parameter);
	}

	private Instant occurredAt(long id) {
		JsonNode items = http.get(PATH, Map.of("recordId", subject, "size", 200)).body().get("items");
		return StreamSupport.stream(items.spliterator(), false)
			.filter(item -> item.get("id").asLong() == id)
			.map(item -> Instant.parse(item.get("occurredAt").asString()))
			.findFirst()
			.orElseThrow();
	}

	private static List<Long> ids(Answer answer) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
		return StreamSupport.stream(answer.body().get("items").spliterator(), false)
			.map(item -> item.get("id").asLong())
			.toList();
	}

}
