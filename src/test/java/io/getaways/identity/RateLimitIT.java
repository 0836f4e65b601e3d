package io.getaways.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.embedded.EmbeddedRedisServer;
import io.getaways.platform.embedded.EmbeddedStores;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Token buckets per caller, configured per subject by rows in system.rate_limit_overrides
 * (the test profile's defaults are generous), counted in Redis and in memory while Redis
 * is away.
 */
@IntegrationTest
class RateLimitIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationContext context;

	private HttpApi http;

	private TestAccounts accounts;

	private final List<String> subjects = new ArrayList<>();

	@BeforeEach
	void connect() {
		http = new HttpApi(port);
		accounts = new TestAccounts(http);
	}

	@AfterEach
	void removeOverrides() {
		subjects.forEach(
				subject -> asAdmin(() -> jdbc.sql("DELETE FROM system.rate_limit_overrides WHERE subject = :subject")
					.param("subject", subject)
					.update()));
	}

	@Test
	void aUserBeyondTheCapacityWaitsForTheRefill() {
		JsonNode session = accounts.newCustomer();
		override("user:" + TestAccounts.userId(session), 3, 60);
		Supplier<Answer> me = () -> accounts.get("/api/v1/me", accessToken(session));

		List<Answer> answers = burst(me);
		assertThat(answers).extracting(Answer::status).containsExactly(200, 200, 200, 429);
		assertThat(answers).extracting(answer -> answer.header("X-RateLimit-Remaining"))
			.containsExactly("2", "1", "0", "0");
		Answer limited = answers.get(3);
		assertThat(limited.contentType()).startsWith("application/problem+json");
		long retryAfter = Long.parseLong(limited.header("Retry-After"));
		assertThat(retryAfter).isBetween(1L, 2L);

		pause(Duration.ofSeconds(retryAfter).plusMillis(100));
		Answer refilled = me.get();
		assertThat(refilled.status()).as(refilled.toString()).isEqualTo(200);
	}

	@Test
	void anonymousCallersAreLimitedPerAddress() {
		String address = TestAccounts.address();
		override("ip:" + address, 3, 60);
		Supplier<Answer> jwks = () -> http.get("/.well-known/jwks.json", "X-Forwarded-For", address);

		assertThat(burst(jwks)).extracting(Answer::status).containsExactly(200, 200, 200, 429);
		Answer elsewhere = http.get("/.well-known/jwks.json", "X-Forwarded-For", TestAccounts.address());
		assertThat(elsewhere.status()).isEqualTo(200);
		assertThat(elsewhere.header("X-RateLimit-Limit")).isNotEqualTo("3");
	}

	@Test
	void limitsHoldInMemoryWhileRedisIsDownAndNothingFails() {
		EmbeddedStores stores = TestStores.embedded(context);
		EmbeddedRedisServer redis = stores == null ? null : stores.redis();
		assumeThat(redis).as("only an embedded Redis can be stopped by a test").isNotNull();
		JsonNode session = accounts.newCustomer();
		String address = TestAccounts.address();
		try {
			redis.stop();
			// no refill to speak of: every request pays Redis' timeout while it is away
			override("user:" + TestAccounts.userId(session), 3, 1);
			override("ip:" + address, 3, 1);
			List<Answer> user = burst(() -> accounts.get("/api/v1/me", accessToken(session)));
			List<Answer> anonymous = burst(() -> http.get("/.well-known/jwks.json", "X-Forwarded-For", address));

			assertThat(user).extracting(Answer::status).containsExactly(200, 200, 200, 429);
			assertThat(anonymous).extracting(Answer::status).containsExactly(200, 200, 200, 429);
			assertThat(user.get(3).header("Retry-After")).isNotNull();
			assertThat(accounts.get("/api/v1/me", accessToken(accounts.newCustomer())).status()).isEqualTo(200);
		}
		finally {
			redis.restart();
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> http.get("/actuator/health").json().path("components").path("redis").path("status").asString(),
					"UP"::equals);
	}

	/**
	 * Waits until the override is in force (the service reloads overrides every 500 ms in
	 * tests), then sends three more requests at once. The first request under the
	 * override starts a full bucket, so the four answers are the capacity of three and
	 * one beyond it.
	 */
	private static List<Answer> burst(Supplier<Answer> request) {
		Answer first = await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(100))
			.until(request::get, answer -> {
				assertThat(answer.status()).as(answer.toString()).isLessThan(500);
				return "3".equals(answer.header("X-RateLimit-Limit"));
			});
		List<Answer> answers = new ArrayList<>(List.of(first));
		for (int i = 0; i < 3; i++) {
			Answer answer = request.get();
			assertThat(answer.status()).as(answer.toString()).isLessThan(500);
			assertThat(answer.header("X-RateLimit-Limit")).isEqualTo("3");
			answers.add(answer);
		}
		return answers;
	}

	private void override(String subject, int capacity, int refillPerMinute) {
		subjects.add(subject);
		asAdmin(() -> jdbc.sql("""
				INSERT INTO system.rate_limit_overrides (subject, capacity, refill_per_minute, note)
				VALUES (:subject, :capacity, :refill, 'RateLimitIT')
				ON CONFLICT (subject) DO UPDATE
				SET capacity = excluded.capacity, refill_per_minute = excluded.refill_per_minute""")
			.param("subject", subject)
			.param("capacity", capacity)
			.param("refill", refillPerMinute)
			.update());
	}

	/**
	 * The admin database role may change overrides; the service's own pool reads them.
	 */
	private void asAdmin(Supplier<Integer> statement) {
		ActorContext.callAs(Actor.job("test").as(Actor.Role.ADMIN),
				() -> transactions.execute(status -> statement.get()));
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
