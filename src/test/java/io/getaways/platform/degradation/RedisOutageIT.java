package io.getaways.platform.degradation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.getaways.catalog.Catalog;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.embedded.EmbeddedRedisServer;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestStores;
import io.getaways.support.TestTrips;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis stopped under a running service, everything it does covered at once: trip reads
 * come from the databases with the same answer, rate limits still hold (in memory) and
 * recover, a signed-out token stays refused, nothing answers 5xx; and once Redis is back
 * the cache is written and read again.
 */
@IntegrationTest
class RedisOutageIT {

	/**
	 * Buckets of three, refilled one token every five seconds: a burst never sees a
	 * refill, a client soon does.
	 */
	private static final int CAPACITY = 3;

	private static final int REFILL_PER_MINUTE = 12;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Catalog catalog;

	@Autowired
	MeterRegistry registry;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private HttpApi http;

	@Test
	void theServiceStaysCorrectWithoutRedisAndUsesItAgainWhenItReturns() {
		Assumptions.assumeFalse(TestStores.external(), "stops the embedded Redis");
		http = new HttpApi(port);
		TestAccounts accounts = new TestAccounts(http);
		JsonNode limited = accounts.newCustomer();
		JsonNode signedOut = accounts.newCustomer();
		String trip = TestTrips.code();
		TestTrips.create(catalog, TestTrips.draft(trip, "Redisless Reef", "Resort " + trip,
				Instant.now().plus(30, ChronoUnit.DAYS), "210.00"));
		String cacheKey = "getaways:trip:{" + trip + "}";
		// a read is cached only once the content is projected, which is what this waits
		// for
		JsonNode before = await().atMost(Duration.ofSeconds(30))
			.until(() -> ok("/api/v1/trips/" + trip), body -> body.path("contentAvailable").asBoolean());
		assertThat(redis.hasKey(cacheKey)).isTrue();
		double hits = tripCacheHits();
		assertThat(ok("/api/v1/trips/" + trip)).isEqualTo(before);
		assertThat(tripCacheHits()).as("served from Redis before the outage").isEqualTo(hits + 1);

		EmbeddedRedisServer server = TestStores.embedded(context).redis();
		String subject = "user:" + TestAccounts.userId(limited);
		server.stop();
		try {
			hits = tripCacheHits();
			for (int i = 0; i < 5; i++) {
				assertThat(ok("/api/v1/trips/" + trip)).isEqualTo(before);
			}
			assertThat(tripCacheHits()).as("nothing served from the cache while Redis is down").isEqualTo(hits);

			override(subject);
			Supplier<Answer> me = () -> accounts.get("/api/v1/me", accessToken(limited));
			List<Answer> burst = burst(me);
			assertThat(burst).extracting(Answer::status).containsExactly(200, 200, 200, 429);
			assertThat(burst.get(CAPACITY).contentType()).startsWith("application/problem+json");
			assertThat(burst.get(CAPACITY).header("Retry-After")).isNotNull();
			Answer refilled = await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.until(me::get, answer -> {
					assertThat(answer.status()).as(answer.toString()).isIn(200, 429);
					return answer.status() == 200;
				});
			assertThat(refilled.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(CAPACITY));

			Answer logout = accounts.send("POST", "/api/v1/auth/logout", accessToken(signedOut),
					json("refreshToken", signedOut.path("refreshToken").asString()));
			assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
			Answer refused = accounts.get("/api/v1/me", accessToken(signedOut));
			assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
			assertThat(accounts.get("/api/v1/me", accessToken(accounts.newCustomer())).status()).isEqualTo(200);
		}
		finally {
			server.restart();
			removeOverride(subject);
		}
		StoreHealth.awaitUp(http, "redis");

		// the cache pauses after failures: once it uses Redis again, a read stores the
		// entry and the next one hits it
		redis.delete(cacheKey);
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
			assertThat(ok("/api/v1/trips/" + trip)).isEqualTo(before);
			return redis.hasKey(cacheKey);
		});
		hits = tripCacheHits();
		assertThat(ok("/api/v1/trips/" + trip)).isEqualTo(before);
		assertThat(tripCacheHits()).as("served from Redis again").isEqualTo(hits + 1);
		assertThat(accounts.get("/api/v1/me", accessToken(signedOut)).status()).isEqualTo(401);
	}

	private JsonNode ok(String path) {
		Answer answer = http.get(path);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private double tripCacheHits() {
		return registry.get("getaways.cache.requests").tags("cache", "trip", "result", "hit").counter().count();
	}

	/**
	 * Waits until the override is in force (overrides are reloaded every 500 ms in
	 * tests), then sends three more: the first request under the override starts a full
	 * bucket, so the answers are the capacity and one beyond it.
	 */
	private static List<Answer> burst(Supplier<Answer> request) {
		Answer first = await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(100))
			.until(request::get, answer -> {
				assertThat(answer.status()).as(answer.toString()).isLessThan(500);
				return Integer.toString(CAPACITY).equals(answer.header("X-RateLimit-Limit"));
			});
		List<Answer> answers = new ArrayList<>(List.of(first));
		for (int i = 0; i < CAPACITY; i++) {
			answers.add(request.get());
		}
		return answers;
	}

	private void override(String subject) {
		asAdmin(() -> jdbc.sql("""
				INSERT INTO system.rate_limit_overrides (subject, capacity, refill_per_minute, note)
				VALUES (:subject, :capacity, :refill, 'RedisOutageIT')
				ON CONFLICT (subject) DO UPDATE
				SET capacity = excluded.capacity, refill_per_minute = excluded.refill_per_minute""")
			.param("subject", subject)
			.param("capacity", CAPACITY)
			.param("refill", REFILL_PER_MINUTE)
			.update());
	}

	private void removeOverride(String subject) {
		asAdmin(() -> jdbc.sql("DELETE FROM system.rate_limit_overrides WHERE subject = :subject")
			.param("subject", subject)
			.update());
	}

	/**
	 * The admin database role may change overrides; the service's own pool reads them.
	 */
	private void asAdmin(Supplier<Integer> statement) {
		ActorContext.callAs(Actor.job("test").as(Actor.Role.ADMIN),
				() -> transactions.execute(status -> statement.get()));
	}

}
