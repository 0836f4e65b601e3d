package io.getaways.identity;

import java.io.IOException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jwt.SignedJWT;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.embedded.EmbeddedRedisServer;
import io.getaways.platform.embedded.EmbeddedStores;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Every authenticated request asks the token deny-list. While Redis fails the list must
 * neither wait for Redis on each request nor let a revoked token through, including one
 * revoked by another instance a moment ago.
 */
@IntegrationTest
class DenyListRedisDownIT {

	private static final int REQUESTS = 20;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Value("${spring.data.redis.timeout}")
	Duration redisTimeout;

	/**
	 * A Redis that stopped answering but keeps its connections open is the costly case:
	 * each command waits for the timeout (a Redis that is gone refuses commands at once).
	 * Frozen with SIGSTOP, it must cost a few timeouts in all, not one per request, and a
	 * revocation made elsewhere in the meantime must still be refused.
	 */
	@Test
	void requestsStayFastAndATokenRevokedElsewhereIsRefusedWhileRedisHangs() throws Exception {
		ProcessHandle redis = embeddedRedisProcess();
		assumeThat(redis).as("only an embedded Redis of this JVM can be frozen by a test").isNotNull();
		HttpApi http = new HttpApi(port);
		TestAccounts accounts = new TestAccounts(http);
		JsonNode valid = accounts.newCustomer();
		JsonNode revokedElsewhere = accounts.newCustomer();
		assertThat(accounts.get("/api/v1/me", accessToken(revokedElsewhere)).status()).isEqualTo(200);
		signal(redis, "STOP");
		try {
			long started = System.nanoTime();
			for (int i = 0; i < REQUESTS; i++) {
				Answer me = accounts.get("/api/v1/me", accessToken(valid));
				assertThat(me.status()).as(me.toString()).isEqualTo(200);
			}
			Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
			assertThat(elapsed).as("%d requests with Redis frozen, Redis timeout %s", REQUESTS, redisTimeout)
				.isLessThan(redisTimeout.multipliedBy(REQUESTS * 6L).dividedBy(10));

			revokeAsAnotherInstanceWould(accessToken(revokedElsewhere));
			Answer revoked = accounts.get("/api/v1/me", accessToken(revokedElsewhere));
			assertThat(revoked.status()).as("revoked in PostgreSQL only, before any refresh: " + revoked)
				.isEqualTo(401);
			assertThat(revoked.contentType()).startsWith("application/problem+json");
		}
		finally {
			signal(redis, "CONT");
		}
		assertThat(accounts.get("/api/v1/me", accessToken(valid)).status()).isEqualTo(200);
		assertThat(accounts.get("/api/v1/me", accessToken(revokedElsewhere)).status()).isEqualTo(401);
	}

	@Test
	void tokensSignedOutWhileRedisIsStoppedStayRefusedAfterItReturns() {
		EmbeddedStores stores = TestStores.embedded(context);
		EmbeddedRedisServer redis = stores == null ? null : stores.redis();
		assumeThat(redis).as("only an embedded Redis can be stopped by a test").isNotNull();
		HttpApi http = new HttpApi(port);
		TestAccounts accounts = new TestAccounts(http);
		JsonNode valid = accounts.newCustomer();
		JsonNode signedOut = accounts.newCustomer();
		try {
			redis.stop();
			assertThat(accounts
				.send("POST", "/api/v1/auth/logout", accessToken(signedOut),
						json("refreshToken", signedOut.path("refreshToken").asString()))
				.status()).isEqualTo(204);
			for (int i = 0; i < 3; i++) {
				assertThat(accounts.get("/api/v1/me", accessToken(signedOut)).status()).isEqualTo(401);
				assertThat(accounts.get("/api/v1/me", accessToken(valid)).status()).isEqualTo(200);
			}
		}
		finally {
			redis.restart();
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> http.get("/actuator/health").json().path("components").path("redis").path("status").asString(),
					"UP"::equals);
		assertThat(accounts.get("/api/v1/me", accessToken(signedOut)).status()).isEqualTo(401);
		assertThat(accounts.get("/api/v1/me", accessToken(valid)).status()).isEqualTo(200);
	}

	/** The redis-server this test JVM started, when Redis runs embedded. */
	private ProcessHandle embeddedRedisProcess() {
		if (TestStores.embedded(context) == null || TestStores.embedded(context).redis() == null) {
			return null;
		}
		return ProcessHandle.current()
			.descendants()
			.filter(process -> process.info().command().map(command -> command.contains("redis-server")).orElse(false))
			.findFirst()
			.orElse(null);
	}

	private static void signal(ProcessHandle process, String signal) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
		assertThat(kill.waitFor()).as("kill -%s %d", signal, process.pid()).isZero();
	}

	/**
	 * What another instance's sign-out leaves when it cannot reach Redis: a row in
	 * PostgreSQL and nothing else.
	 */
	private void revokeAsAnotherInstanceWould(String accessToken) throws ParseException {
		SignedJWT jwt = SignedJWT.parse(accessToken);
		String jti = jwt.getJWTClaimsSet().getJWTID();
		Instant expiresAt = jwt.getJWTClaimsSet().getExpirationTime().toInstant();
		Actor system = new Actor(Actor.Role.SYSTEM, null, "test:deny-list", null, null, null);
		ActorContext.runAs(system,
				() -> transactions.executeWithoutResult(status -> jdbc
					.sql("INSERT INTO system.revoked_tokens (jti, expires_at) VALUES (:jti, :expiresAt)")
					.param("jti", jti)
					.param("expiresAt", Timestamp.from(expiresAt))
					.update()));
	}

}
