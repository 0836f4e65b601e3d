package io.getaways.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.Stay;
import io.getaways.catalog.StayDraft;
import io.getaways.identity.Identity;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.review.ReviewPosted;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
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
import static org.awaitility.Awaitility.await;

/**
 * Stay details through Redis: facts and content cached, availability always read, every
 * change evicting.
 */
@IntegrationTest
class StayCacheIT {

	private static final Duration PROJECTION = Duration.ofSeconds(30);

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

	@Autowired
	Identity identity;

	private HttpApi api;

	@BeforeEach
	void connect() {
		api = new HttpApi(port);
	}

	@Test
	void factsAndContentAreCachedWhileAvailabilityIsReadEveryTime() throws Exception {
		String code = createStay("Cached Cove Villa");
		readUntilCached(code);
		LocalDate checkIn = LocalDate.now(ZoneOffset.UTC).plusDays(5);
		assertThat(read(code).path("availability").path("occupied")).isEmpty();

		UUID traveller = identity.createUser(TestAccounts.email(), "Cache Traveller", TestAccounts.PASSWORD, "customer")
			.id();
		try (Superuser superuser = new Superuser(context)) {
			superuser.bookStay(code, traveller, checkIn, checkIn.plusDays(3));
		}
		JsonNode body = cachedRead(code);
		assertThat(body.path("contentAvailable").asBoolean()).isTrue();
		assertThat(body.path("availability").path("occupied")).hasSize(1);
		assertThat(body.path("availability").path("occupied").get(0).path("checkIn").asString())
			.isEqualTo(checkIn.toString());
	}

	@Test
	void replacedStayShowsNewFactsAtOnceAndNewContentAfterProjection() {
		String code = createStay("Old Stay Name");
		readUntilCached(code);

		ActorContext.runAs(Actor.job("test"),
				() -> catalog.replaceStay(new StayDraft(code, "New Stay Name", "Portugal", "Faro",
						new BigDecimal("333.00"), "EUR", 5, new StayContent(1, "<p>rewritten</p>", "new.jpg",
								List.of("new.jpg"), List.of("Garden"), List.of("test"), Map.of()))));
		assertThat(redis.hasKey(key(code))).as("evicted on commit").isFalse();

		JsonNode atOnce = read(code);
		assertThat(atOnce.path("name").asString()).isEqualTo("New Stay Name");
		assertThat(atOnce.path("pricePerNight").decimalValue()).isEqualByComparingTo("333.00");

		JsonNode projected = await().atMost(PROJECTION)
			.until(() -> read(code), body -> body.path("contentAvailable").asBoolean());
		assertThat(projected.path("content").path("version").asLong()).isEqualTo(2);
		assertThat(projected.path("content").path("description").asString()).isEqualTo("<p>rewritten</p>");
	}

	@Test
	void deactivatedStayIsGoneAtOnce() {
		String code = createStay("Short Lived Lodge");
		readUntilCached(code);
		TestStays.changeStatus(catalog, code, ListingStatus.INACTIVE);
		assertThat(api.get("/api/v1/stays/" + code).status()).isEqualTo(404);
	}

	@Test
	void reviewPostedEvictsTheStaySoItsNewRatingShows() throws Exception {
		String code = createStay("Rated Retreat");
		readUntilCached(code);
		try (Superuser superuser = new Superuser(context)) {
			superuser.rate(code, 7, 2);
		}
		assertThat(cachedRead(code).path("reviewCount").asInt()).as("still the cached copy").isZero();

		ActorContext.runAs(Actor.job("review-test"), () -> transactions
			.executeWithoutResult(status -> events.publishEvent(new ReviewPosted(UUID.randomUUID(), null, code, 3))));

		JsonNode rated = await().atMost(PROJECTION)
			.until(() -> read(code), body -> body.path("reviewCount").asInt() == 2);
		assertThat(rated.path("ratingAverage").decimalValue()).isEqualByComparingTo("3.50");
	}

	private String createStay(String name) {
		String code = TestStays.code();
		TestStays.create(catalog, TestStays.draft(code, name, "Portugal", "Faro", "210.00", 4));
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
		Answer answer = api.get("/api/v1/stays/" + code);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	/**
	 * A read answered from Redis. On a busy machine a Redis command may time out, and the
	 * cache is then bypassed for a moment; so this reads until one read counts as a hit.
	 */
	private JsonNode cachedRead(String code) {
		return await().atMost(PROJECTION).pollInterval(Duration.ofMillis(300)).until(() -> {
			double before = hits();
			JsonNode body = read(code);
			return hits() > before ? body : null;
		}, Objects::nonNull);
	}

	private double hits() {
		Counter counter = meters.find("getaways.cache.requests").tags("cache", "stay", "result", "hit").counter();
		return counter == null ? 0 : counter.count();
	}

	private static String key(String code) {
		return "getaways:stay:{" + code + "}";
	}

}
