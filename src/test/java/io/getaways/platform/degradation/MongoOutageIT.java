package io.getaways.platform.degradation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.getaways.booking.TestBookingApi;
import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;
import io.getaways.platform.embedded.EmbeddedMongoServer;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestStores;
import io.getaways.support.TestTrips;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.getaways.booking.TestBookingApi.tripBody;
import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MongoDB stopped under a running service: a traveller still books and pays over HTTP,
 * trip reads answer PostgreSQL's facts without content, and what MongoDB missed (the
 * booking's notification, an admin's content change) waits in the outbox and ends, once
 * MongoDB is back, exactly as the same actions taken with MongoDB up end.
 */
@IntegrationTest
class MongoOutageIT {

	private static final Duration CONVERGENCE = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String NOTIFICATIONS = "notifications";

	private static final String CONTENT = "trip_content";

	private static final String NOTIFY_CONFIRMED = "%BookingNotifications.confirmed%";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Catalog catalog;

	@Autowired
	Identity identity;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	StringRedisTemplate redis;

	private HttpApi http;

	private TestBookingApi fixtures;

	@Test
	void bookingsAndPaymentsSucceedWhileMongoIsDownAndWhatItMissedConvergesAfterwards() {
		Assumptions.assumeFalse(TestStores.external(), "stops the embedded MongoDB");
		http = new HttpApi(port);
		fixtures = new TestBookingApi(context, http);
		TestAccounts accounts = fixtures.accounts();
		String admin = accessToken(accounts.newUserWithRole(identity, "admin"));
		String traveller = accessToken(accounts.newCustomer());
		String trip = createTrip();
		String control = createTrip();
		awaitVersion(trip, 1);
		awaitVersion(control, 1);

		// the same actions with MongoDB up: what the outage must converge to
		String before = payOk(traveller, fixtures.bookOk(traveller, tripBody(trip, 2)));
		Document expectedNotification = awaitSent(before);
		assertThat(replaceContent(admin, control).status()).isEqualTo(200);
		Document expectedContent = awaitVersion(control, 2);
		JsonNode cached = read(http, trip);
		assertThat(cached.path("contentAvailable").asBoolean()).isTrue();
		assertThat(redis.hasKey("getaways:trip:{" + trip + "}")).as("cached with its content").isTrue();

		EmbeddedMongoServer server = TestStores.embedded(context).mongo();
		server.stop();
		String during;
		try {
			during = fixtures.bookOk(traveller, tripBody(trip, 2));
			String key = "pay-" + UUID.randomUUID();
			Answer paid = pay(traveller, during, key);
			assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
			assertThat(paid.json().path("status").asString()).isEqualTo("CONFIRMED");
			Answer replayed = pay(traveller, during, key);
			assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
			assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
			assertThat(replayed.json()).isEqualTo(paid.json());

			JsonNode degraded = read(http, trip);
			assertThat(degraded.path("seatsBooked").asInt()).as("read through, not from the cache").isEqualTo(4);
			assertThat(degraded.path("seatsLeft").asInt()).isEqualTo(20);
			assertThat(degraded.path("name").asString()).isEqualTo(cached.path("name").asString());
			assertThat(degraded.path("contentAvailable").asBoolean()).isFalse();
			assertThat(degraded.path("content").isNull()).isTrue();
			assertThat(redis.hasKey("getaways:trip:{" + trip + "}")).as("a read without content is not cached")
				.isFalse();

			Answer replaced = replaceContent(admin, trip);
			assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
			assertThat(replaced.json().path("contentVersion").asLong()).isEqualTo(2);

			// failed, handed to its listener again by the outbox job, failed again, and
			// still waiting
			await().atMost(CONVERGENCE)
				.until(() -> fixtures.count("""
						SELECT count(*) FROM app.event_publication
						WHERE listener_id LIKE ? AND serialized_event LIKE ?
						  AND completion_date IS NULL AND last_resubmission_date IS NOT NULL AND status = 'FAILED'""",
						NOTIFY_CONFIRMED, "%" + during + "%") == 1);
			assertThat(incomplete("%TripEventListeners.projectContent%", trip)).isEqualTo(1);
		}
		finally {
			server.restart();
		}
		StoreHealth.awaitUp(http, "mongo");

		Document notification = awaitSent(during);
		assertThat(mongo.count(Query.query(Criteria.where("facts.bookingId").is(during)), NOTIFICATIONS)).isEqualTo(1);
		assertThat(notification.get("facts", Document.class).getString("bookingId")).isEqualTo(during);
		assertThat(comparable(notification)).isEqualTo(comparable(expectedNotification));

		Document content = awaitVersion(trip, 2);
		assertThat(withoutKey(content)).isEqualTo(withoutKey(expectedContent));
		await().atMost(CONVERGENCE).until(() -> incomplete("%", during) + incomplete("%", trip) == 0);
		JsonNode converged = read(http, trip);
		assertThat(converged.path("contentAvailable").asBoolean()).isTrue();
		assertThat(converged.path("content").path("description").asString()).isEqualTo("<p>Rewritten offline</p>");
		assertThat(converged.path("seatsBooked").asInt()).isEqualTo(4);
	}

	private String createTrip() {
		String code = TestTrips.code();
		TestTrips.create(catalog, TestTrips.draft(code, "Outage Reef", "Outage Resort " + code,
				Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), "150.00"));
		return code;
	}

	/**
	 * An admin's full replacement of the trip with new content; the facts stay as they
	 * were.
	 */
	private Answer replaceContent(String admin, String code) {
		JsonNode current = fixtures.accounts().get("/api/v1/admin/trips/" + code, admin).json();
		Map<String, Object> body = Map.of("name", current.path("name").asString(), "resort",
				current.path("resort").asString(), "departsAt", current.path("departsAt").asString(), "nights",
				current.path("nights").asInt(), "pricePerPerson", current.path("pricePerPerson").decimalValue(),
				"currency", current.path("currency").asString(), "capacity", current.path("capacity").asInt(),
				"content",
				Map.of("description", "<p>Rewritten offline</p>", "image", "offline.jpg", "images",
						List.of("offline.jpg", "reef.jpg"), "highlights", List.of("Night dive"), "keywords",
						List.of("reef", "outage"), "attributes",
						Map.of("level", 2, "guide", Map.of("languages", List.of("en", "fr")))));
		return fixtures.accounts().send("PUT", "/api/v1/admin/trips/" + code, admin, JSON.writeValueAsString(body));
	}

	private Answer pay(String token, String bookingId, String key) {
		return http.send("POST", "/api/v1/bookings/" + bookingId + "/pay", null, null, "Authorization",
				"Bearer " + token, "Idempotency-Key", key);
	}

	private String payOk(String token, String bookingId) {
		Answer paid = pay(token, bookingId, "pay-" + UUID.randomUUID());
		assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
		return bookingId;
	}

	private static JsonNode read(HttpApi http, String code) {
		Answer answer = http.get("/api/v1/trips/" + code);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private Document awaitSent(String bookingId) {
		return await().atMost(CONVERGENCE)
			.until(() -> mongo.findById("booking-confirmed:" + bookingId, Document.class, NOTIFICATIONS),
					document -> document != null && "SENT".equals(document.getString("status")));
	}

	/**
	 * Waits in MongoDB itself, so that nothing is read through the API and cached
	 * meanwhile.
	 */
	private Document awaitVersion(String code, long version) {
		return await().atMost(CONVERGENCE)
			.until(() -> mongo.findById(code, Document.class, CONTENT),
					document -> document != null && document.get("version", Number.class).longValue() == version);
	}

	private long incomplete(String listenerLike, String text) {
		return fixtures.count("""
				SELECT count(*) FROM app.event_publication
				WHERE listener_id LIKE ? AND serialized_event LIKE ? AND completion_date IS NULL""", listenerLike,
				"%" + text + "%");
	}

	/**
	 * The notification with its own id and booking left out, and every timestamp reduced
	 * to being there.
	 */
	private static Document comparable(Document notification) {
		Document copy = new Document();
		notification.forEach((name, value) -> {
			if (!name.equals("_id")) {
				copy.append(name, value instanceof Date ? "timestamp" : value);
			}
		});
		Document facts = new Document(notification.get("facts", Document.class));
		facts.remove("bookingId");
		copy.append("facts", facts);
		return copy;
	}

	private static Document withoutKey(Document content) {
		Document copy = new Document(content);
		copy.remove("_id");
		copy.remove("code");
		return copy;
	}

}
