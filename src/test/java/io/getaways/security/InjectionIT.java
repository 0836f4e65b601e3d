package io.getaways.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.security.Attacks.Attack;
import io.getaways.security.RawHttp.Response;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Hostile input to every sign-in and catalog parameter, from {@link Attacks}: SQL and
 * NoSQL injection, CR LF in headers, oversized and malformed bodies, wrong JSON types.
 * Whatever comes in, the answer is never a server error, a 4xx answer is JSON, no header
 * is smuggled into the answer, and nothing is written beyond what the request may
 * legitimately leave behind.
 */
@IntegrationTest
class InjectionIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Tables a registration writes, and the sign-in events a failed sign-in leaves. */
	private static final Set<String> REGISTRATION_TABLES = Set.of("app.users", "app.user_roles",
			"system.refresh_tokens", "events");

	private static final Set<String> FAILED_SIGN_IN_EVENTS = Set.of("LOGIN_FAILURE", "LOGIN_LOCKOUT");

	/**
	 * Per test JVM, so that runs over one database do not share sign-in throttling
	 * counters per address.
	 */
	private static final int ADDRESS_BASE = ThreadLocalRandom.current().nextInt(256);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	record Footprint(long users, long trips, long apiKeys, long lastAuditId) {
	}

	record AuditRow(String table, String operation) {
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.getaways.security.Attacks#all")
	void hostileInputGetsAClientErrorOrAHarmlessAnswerAndWritesNothingItShouldNot(Attack attack) {
		Footprint before = footprint();
		Response response = send(attack);
		Footprint after = footprint();

		assertThat(response.status()).as(response.toString()).isBetween(200, 499);
		if (response.status() >= 400) {
			assertThat(response.header("Content-Type")).as(response.toString())
				.matches("application/(problem\\+)?json.*");
			assertThatCode(() -> JSON.readTree(response.body())).as(response.toString()).doesNotThrowAnyException();
		}
		assertThat(response.head().lines().filter(line -> line.startsWith("HTTP/"))).as(response.head()).hasSize(1);
		assertThat(response.headerNames()).as(response.head()).doesNotContain("set-cookie");
		if (response.header("X-Request-Id") != null) {
			assertThat(response.header("X-Request-Id")).matches("[A-Za-z0-9._-]{1,64}");
		}
		assertThat(after.trips()).as("trips").isEqualTo(before.trips());
		assertThat(after.apiKeys()).as("API keys").isEqualTo(before.apiKeys());
		List<AuditRow> audited = auditedSince(before.lastAuditId());
		switch (attack.writes()) {
			case NONE -> {
				assertThat(after.users()).as("users").isEqualTo(before.users());
				assertThat(audited).as("audit entries").isEmpty();
			}
			case FAILED_SIGN_IN -> {
				assertThat(after.users()).as("users").isEqualTo(before.users());
				assertThat(audited).allSatisfy(row -> {
					assertThat(row.table()).isEqualTo("events");
					assertThat(row.operation()).isIn(FAILED_SIGN_IN_EVENTS);
				});
			}
			case ACCOUNT -> {
				boolean created = response.status() < 300;
				assertThat(after.users() - before.users()).as("users created").isEqualTo(created ? 1 : 0);
				assertThat(audited).allSatisfy(row -> assertThat(row.table()).isIn(REGISTRATION_TABLES));
				if (!created) {
					assertThat(audited).isEmpty();
				}
			}
		}
	}

	private Response send(Attack attack) {
		List<String> headers = new ArrayList<>();
		headers.add("X-Forwarded-For: " + clientAddress(attack));
		headers.addAll(attack.headers());
		byte[] body = attack.body() == null ? null : attack.body().getBytes(StandardCharsets.UTF_8);
		return RawHttp.exchange(port, attack.method(), attack.target(), headers, "application/json", body);
	}

	/** An address of the benchmarking range (RFC 2544) for each case. */
	private static String clientAddress(Attack attack) {
		int index = Integer.parseInt(attack.name().substring(0, 3));
		return "198.18." + (ADDRESS_BASE + index / 250) % 256 + "." + (index % 250 + 1);
	}

	/** Counted as an admin, whom row-level security shows every row. */
	private Footprint footprint() {
		Actor admin = new Actor(Actor.Role.ADMIN, null, "test:injection", null, null, null);
		return ActorContext.callAs(admin,
				() -> transactions.execute(status -> jdbc.sql("""
						SELECT (SELECT count(*) FROM app.users) AS users,
						       (SELECT count(*) FROM app.trips) AS trips,
						       (SELECT count(*) FROM system.api_keys) AS api_keys,
						       (SELECT coalesce(max(id), 0) FROM audit.log) AS last_audit_id""")
					.query((row, n) -> new Footprint(row.getLong("users"), row.getLong("trips"),
							row.getLong("api_keys"), row.getLong("last_audit_id")))
					.single()));
	}

	private List<AuditRow> auditedSince(long lastAuditId) {
		Actor auditor = new Actor(Actor.Role.AUDITOR, null, "test:injection", null, null, null);
		return ActorContext.callAs(auditor,
				() -> transactions.execute(status -> jdbc.sql("""
						SELECT table_name, operation FROM audit.log WHERE id > :id ORDER BY id""")
					.param("id", lastAuditId)
					.query((row, n) -> new AuditRow(row.getString("table_name"), row.getString("operation")))
					.list()));
	}

}
