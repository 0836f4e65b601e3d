package io.getaways.catalog;

import java.time.Duration;
import java.time.Instant;

import io.getaways.catalog.internal.Listings;
import io.getaways.catalog.internal.Stay;
import io.getaways.platform.embedded.EmbeddedMongoServer;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestStores;
import io.getaways.support.TestTrips;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.HttpApi.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Trip and stay reads when their content cannot be had, because MongoDB is down or the
 * document is missing: the answer is still 200 with the facts from PostgreSQL and says
 * the content is unavailable; such an answer is not cached, so the content shows again as
 * soon as it can be read.
 */
@IntegrationTest
class ContentDegradationIT {

	private static final Duration PROJECTION = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	Listings catalog;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ApplicationContext context;

	private HttpApi api;

	private final String place = "Degraded" + TestTrips.token(8);

	@BeforeEach
	void connect() {
		api = new HttpApi(port);
	}

	@Test
	void readsAnswerFactsWithoutContentWhileMongoIsDownAndContentOnceItReturns() {
		Assumptions.assumeFalse(TestStores.external(), "stops the embedded MongoDB");
		EmbeddedMongoServer server = TestStores.embedded(context).mongo();
		String trip = createTrip();
		String stay = createStay();
		awaitDocument("trip_content", trip);
		awaitDocument("stay_content", stay);

		server.stop();
		try {
			JsonNode tripBody = ok("/api/v1/trips/" + trip);
			assertThat(tripBody.path("name").asString()).isEqualTo("Degraded Trip");
			assertThat(tripBody.path("seatsLeft").asInt()).isEqualTo(24);
			assertThat(tripBody.path("contentAvailable").asBoolean()).isFalse();
			assertThat(tripBody.path("content").isNull()).isTrue();
			assertThat(ok("/api/v1/trips?resort=" + encode(place)).path("items").get(0).path("code").asString())
				.isEqualTo(trip);

			JsonNode stayBody = ok("/api/v1/stays/" + stay);
			assertThat(stayBody.path("name").asString()).isEqualTo("Degraded Stay");
			assertThat(stayBody.path("contentAvailable").asBoolean()).isFalse();
			assertThat(stayBody.path("content").isNull()).isTrue();
			assertThat(stayBody.path("availability").path("occupied").isArray()).isTrue();
			assertThat(ok("/api/v1/stays?country=" + encode(place)).path("items").get(0).path("code").asString())
				.isEqualTo(stay);

			assertThat(redis.hasKey("getaways:trip:{" + trip + "}")).as("a read without content is not cached")
				.isFalse();
			assertThat(redis.hasKey("getaways:stay:{" + stay + "}")).isFalse();
		}
		finally {
			server.restart();
		}
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(ok("/api/v1/trips/" + trip).path("content").path("description").asString())
				.isEqualTo("<p>Degraded Trip at " + place + "</p>");
			assertThat(ok("/api/v1/stays/" + stay).path("contentAvailable").asBoolean()).isTrue();
		});
	}

	@Test
	void aMissingDocumentLeavesTheFactsAndSaysTheContentIsUnavailable() {
		String trip = createTrip();
		String stay = createStay();
		awaitDocument("trip_content", trip);
		awaitDocument("stay_content", stay);
		mongo.remove(Query.query(Criteria.where("_id").is(trip)), "trip_content");
		mongo.remove(Query.query(Criteria.where("_id").is(stay)), "stay_content");

		JsonNode tripBody = ok("/api/v1/trips/" + trip);
		assertThat(tripBody.path("code").asString()).isEqualTo(trip);
		assertThat(tripBody.path("pricePerPerson").decimalValue()).isEqualByComparingTo("510.00");
		assertThat(tripBody.path("contentAvailable").asBoolean()).isFalse();
		assertThat(tripBody.path("content").isNull()).isTrue();
		JsonNode stayBody = ok("/api/v1/stays/" + stay);
		assertThat(stayBody.path("maxGuests").asInt()).isEqualTo(3);
		assertThat(stayBody.path("contentAvailable").asBoolean()).isFalse();
	}

	private String createTrip() {
		String code = TestTrips.code();
		TestTrips.create(catalog,
				TestTrips.draft(code, "Degraded Trip", place, Instant.parse("2096-02-01T08:00:00Z"), "510.00"));
		return code;
	}

	private String createStay() {
		String code = TestStays.code();
		TestStays.create(catalog, TestStays.draft(code, "Degraded Stay", place, "Nowhere", "99.00", 3));
		return code;
	}

	/**
	 * Waits in MongoDB, not through the API, so that nothing is cached before the test
	 * looks.
	 */
	private void awaitDocument(String collection, String code) {
		await().atMost(PROJECTION).until(() -> mongo.findById(code, Document.class, collection) != null);
	}

	private JsonNode ok(String path) {
		long started = System.nanoTime();
		Answer answer = api.get(path);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answer to %s", path)
			.isLessThan(Duration.ofSeconds(10));
		return answer.json();
	}

}
