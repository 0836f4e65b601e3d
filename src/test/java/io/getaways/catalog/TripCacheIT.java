package io.getaways.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.getaways.catalog.internal.Listings;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.embedded.EmbeddedRedisServer;
import io.getaways.platform.embedded.EmbeddedStores;
import io.getaways.review.ReviewPosted;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestStores;
import io.getaways.support.TestTrips;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Trip reads through Redis: cached, evicted on change or review, and still answered while
 * Redis is away.
 */
@IntegrationTest
class TripCacheIT {

	private static final Duration PROJECTION = Duration.ofSeconds(30);

	private static final Duration QUICK = Duration.ofSeconds(1);

	@LocalServerPort
	int port;

	@Autowired
	Listings catalog;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	private HttpApi api;

	@BeforeEach
	void connect() {
		api = new HttpApi(port);
	}

	@Test
	void secondReadIsServedFromRedis() {
		String code = createTrip("Cache Cove");
		readUntilCached(code);
		double hitsBefore = hits();
		JsonNode second = read(code);
		assertThat(hits()).isGreaterThan(hitsBefore);
		assertThat(second.path("code").asString()).isEqualTo(code);
		assertThat(second.path("contentAvailable").asBoolean()).isTrue();
	}

	@Test
	void replacedTripShowsNewFactsAtOnceAndNewContentAfterProjection() {
		String code = createTrip("Old Name");
		readUntilCached(code);

		TestTrips.replace(catalog, TestTrips.draft(code, "New Name", "Cache Resort, 4 stars",
				Instant.parse("2093-01-15T08:00:00Z"), "640.00", TestTrips.content(1, "<p>rewritten</p>", "new.jpg")));
		assertThat(redis.hasKey(key(code))).as("evicted on commit").isFalse();

		JsonNode atOnce = read(code);
		assertThat(atOnce.path("name").asString()).isEqualTo("New Name");
		assertThat(atOnce.path("contentVersion").asLong()).isEqualTo(2);

		JsonNode projected = await().atMost(PROJECTION)
			.until(() -> read(code), body -> body.path("contentAvailable").asBoolean());
		assertThat(projected.path("contentVersion").asLong()).isEqualTo(2);
		assertThat(projected.path("content").path("version").asLong()).isEqualTo(2);
		assertThat(projected.path("content").path("description").asString()).isEqualTo("<p>rewritten</p>");
		assertThat(projected.path("content").path("image").asString()).isEqualTo("new.jpg");
	}

	@Test
	void travlrListIsServedFromTheListCacheAndFollowsFactsAndContent() {
		String code = createTrip("List Lagoon");
		readUntilCached(code);
		await().atMost(PROJECTION)
			.until(() -> travlrListed(code), trip -> trip.path("description").asString().contains("List Lagoon"));
		double hitsBefore = hits("trip-list");
		assertThat(travlrListed(code).path("name").asString()).isEqualTo("List Lagoon");
		assertThat(hits("trip-list")).as("second read of the list").isGreaterThan(hitsBefore);

		TestTrips.replace(catalog, TestTrips.draft(code, "List Lagoon Renamed", "Cache Resort, 4 stars",
				Instant.parse("2093-01-15T08:00:00Z"), "640.00", TestTrips.content(1, "<p>relisted</p>", "l.jpg")));
		assertThat(travlrListed(code).path("name").asString()).as("facts at once").isEqualTo("List Lagoon Renamed");
		JsonNode projected = await().atMost(PROJECTION)
			.until(() -> travlrListed(code), trip -> trip.path("description").asString().equals("<p>relisted</p>"));
		assertThat(projected.path("image").asString()).isEqualTo("l.jpg");
	}

	@Test
	void readsAndReadinessSurviveRedisOutage() {
		EmbeddedRedisServer server = embeddedRedis();
		String cached = createTrip("Outage Cached");
		String uncached = createTrip("Outage Uncached");
		readUntilCached(cached);
		try {
			server.stop();
			for (int round = 0; round < 4; round++) {
				assertQuickRead(cached);
				assertQuickRead(uncached);
				assertQuickRead("GALR210214");
			}
			Answer health = api.get("/actuator/health");
			assertThat(health.status()).as(health.toString()).isEqualTo(503);
			assertThat(health.json().path("status").asString()).isEqualTo("DOWN");
			assertThat(health.json().path("components").path("redis").path("status").asString()).isEqualTo("DOWN");
			assertThat(health.json().path("components").path("postgres").path("status").asString()).isEqualTo("UP");
			Answer readiness = api.get("/actuator/health/readiness");
			assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
			assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
		}
		finally {
			server.restart();
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					api.get("/actuator/health").json().path("components").path("redis").path("status").asString())
				.isEqualTo("UP"));
		// the cache bypasses Redis for a pause after failures, then must come back to it
		// by itself
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			double before = hits();
			read(cached);
			read(cached);
			assertThat(hits()).isGreaterThan(before);
		});
		assertThat(redis.hasKey(key(cached))).isTrue();
	}

	@Test
	void tripReplacedDuringRedisOutageIsNotReadStaleAfterwards() {
		EmbeddedRedisServer server = embeddedRedis();
		String code = createTrip("Before Outage");
		readUntilCached(code);
		try {
			server.stop();
			TestTrips.replace(catalog, TestTrips.draft(code, "During Outage", "Cache Resort, 4 stars",
					Instant.parse("2093-01-15T08:00:00Z"), "640.00"));
			assertThat(read(code).path("name").asString()).isEqualTo("During Outage");
			assertThat(OutboxEvents.incomplete(context, code, "%evictChangedTrip%"))
				.as("the failed eviction stays in the outbox")
				.isEqualTo(1);
		}
		finally {
			server.restart();
		}
		await().atMost(Duration.ofSeconds(60))
			.alias("delivered again by the outbox job once Redis is back")
			.until(() -> OutboxEvents.incomplete(context, code, "%evictChangedTrip%") == 0);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			double before = hits();
			JsonNode body = read(code);
			assertThat(body.path("name").asString()).isEqualTo("During Outage");
			read(code);
			assertThat(hits()).isGreaterThan(before);
		});
		assertThat(read(code).path("name").asString()).isEqualTo("During Outage");
	}

	@Test
	void reviewPostedEvictsTheTripSoItsNewRatingShows() throws Exception {
		String code = createTrip("Rated Reef");
		readUntilCached(code);
		assertThat(read(code).path("ratingAverage").isNull()).isTrue();
		try (Superuser superuser = new Superuser(context)) {
			// what the review triggers leave behind after two reviews of 4 and 5
			superuser.jdbc()
				.sql("UPDATE app.trips SET rating_sum = 9, review_count = 2 WHERE code = :code")
				.param("code", code)
				.update();
		}
		assertThat(read(code).path("reviewCount").asInt()).as("still the cached copy").isZero();

		ActorContext.runAs(Actor.job("review-test"), () -> transactions
			.executeWithoutResult(status -> events.publishEvent(new ReviewPosted(UUID.randomUUID(), code, null, 5))));

		JsonNode rated = await().atMost(PROJECTION)
			.until(() -> read(code), body -> body.path("reviewCount").asInt() == 2);
		assertThat(rated.path("ratingAverage").decimalValue()).isEqualByComparingTo("4.50");
	}

	private EmbeddedRedisServer embeddedRedis() {
		EmbeddedStores stores = TestStores.embedded(context);
		EmbeddedRedisServer server = stores == null ? null : stores.redis();
		assumeThat(server).as("only an embedded Redis can be stopped by a test").isNotNull();
		return server;
	}

	private String createTrip(String name) {
		String code = TestTrips.code();
		TestTrips.create(catalog,
				TestTrips.draft(code, name, "Cache Resort, 4 stars", Instant.parse("2093-01-15T08:00:00Z"), "640.00"));
		return code;
	}

	/**
	 * A read caches only when the content is current, which trails creation by the
	 * asynchronous projection.
	 */
	private void readUntilCached(String code) {
		await().atMost(PROJECTION).untilAsserted(() -> {
			assertThat(read(code).path("contentAvailable").asBoolean()).isTrue();
			assertThat(redis.hasKey(key(code))).isTrue();
		});
	}

	private JsonNode read(String code) {
		Answer answer = api.get("/api/v1/trips/" + code);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private void assertQuickRead(String code) {
		long started = System.nanoTime();
		JsonNode body = read(code);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(body.path("code").asString()).isEqualTo(code);
		assertThat(took).as("read of %s while Redis is down", code).isLessThan(QUICK);
	}

	private double hits() {
		return hits("trip");
	}

	private double hits(String cache) {
		Counter counter = meters.find("getaways.cache.requests").tags("cache", cache, "result", "hit").counter();
		return counter == null ? 0 : counter.count();
	}

	/** The trip as Travlr's list shows it, or a missing node. */
	private JsonNode travlrListed(String code) {
		Answer answer = api.get("/api/trips");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		for (JsonNode trip : answer.json()) {
			if (code.equals(trip.path("code").asString())) {
				return trip;
			}
		}
		return answer.json().path("missing-" + code);
	}

	private static String key(String code) {
		return "getaways:trip:{" + code + "}";
	}

}
