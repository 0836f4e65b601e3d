package io.getaways.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import io.getaways.audit.Activity;
import io.getaways.audit.ActivityKind;
import io.getaways.platform.embedded.EmbeddedMongoServer;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestStores;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** The activity stream over real HTTP and a real MongoDB wire-protocol server. */
@IntegrationTest
class ActivityIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Activity activity;

	@Autowired
	ActivityWriter writer;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MeterRegistry registry;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(new HttpApi(port));
	}

	@Test
	void aUserPagesTheirOwnActivityNewestFirst() {
		JsonNode alice = accounts.newCustomer();
		JsonNode bob = accounts.newCustomer();
		String aliceId = TestAccounts.userId(alice);
		activity.record(aliceId, ActivityKind.SEARCH, Map.of("q", "beach"));
		activity.record(aliceId, ActivityKind.VIEW, Map.of("tripCode", "GALR210214"));
		activity.record(aliceId, ActivityKind.BOOKING, Map.of("bookingId", "b-1"));
		activity.record(TestAccounts.userId(bob), ActivityKind.VIEW, Map.of("tripCode", "OTHER"));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					accounts.get("/api/v1/me/activity", TestAccounts.accessToken(alice)).json().get("items").size())
				.as("three recorded here, and the sign-in that came with registering")
				.isEqualTo(4));
		JsonNode page = accounts.get("/api/v1/me/activity?size=2", TestAccounts.accessToken(alice)).json();
		assertThat(page.get("items").get(0).get("kind").asString()).isEqualTo("BOOKING");
		assertThat(page.get("items").get(1).get("details").get("tripCode").asString()).isEqualTo("GALR210214");
		assertThat(page.get("hasNext").asBoolean()).isTrue();

		JsonNode views = accounts.get("/api/v1/me/activity?kind=VIEW", TestAccounts.accessToken(alice)).json();
		assertThat(views.get("items").size()).isEqualTo(1);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode bobs = accounts.get("/api/v1/me/activity?kind=VIEW", TestAccounts.accessToken(bob)).json();
			assertThat(bobs.get("items").size()).isEqualTo(1);
			assertThat(bobs.get("items").get(0).get("details").get("tripCode").asString()).isEqualTo("OTHER");
		});
	}

	@Test
	void signingInIsRecorded() {
		JsonNode session = accounts.newCustomer();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(accounts.get("/api/v1/me/activity?kind=SIGN_IN", TestAccounts.accessToken(session))
						.json()
						.get("items")).isNotEmpty());
	}

	@Test
	void badParametersAreNamedAndAnonymousCallersAreRefused() {
		String token = TestAccounts.accessToken(accounts.newCustomer());
		Answer badKind = accounts.get("/api/v1/me/activity?kind=PURCHASE", token);
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.body()).contains("kind");
		Answer tooBig = accounts.get("/api/v1/me/activity?size=101", token);
		assertThat(tooBig.status()).isEqualTo(400);
		assertThat(tooBig.body()).contains("size");
		assertThat(new HttpApi(port).get("/api/v1/me/activity").status()).isEqualTo(401);
	}

	@Test
	void eventsThatCannotBeWrittenAreDroppedAndCounted() {
		Assumptions.assumeFalse(TestStores.external(), "stops the embedded MongoDB");
		EmbeddedMongoServer server = TestStores.embedded(context).mongo();
		double before = dropped("write-failed");
		server.stop();
		try {
			activity.record("no-such-user", ActivityKind.VIEW, Map.of("tripCode", "DROPPED"));
			writer.flush();
			assertThat(dropped("write-failed")).isGreaterThan(before);
		}
		finally {
			server.restart();
		}
	}

	@Test
	void thePurgeRemovesEventsPastTheRetentionOnly() {
		String user = "purge-" + System.nanoTime();
		mongo.insert(new Document("userId", user).append("kind", "VIEW")
			.append("at", Date.from(Instant.now().minus(400, ChronoUnit.DAYS)))
			.append("details", new Document()), ActivityStore.COLLECTION);
		mongo.insert(new Document("userId", user).append("kind", "VIEW")
			.append("at", new Date())
			.append("details", new Document()), ActivityStore.COLLECTION);
		writer.purge();
		assertThat(mongo.find(
				org.springframework.data.mongodb.core.query.Query
					.query(org.springframework.data.mongodb.core.query.Criteria.where("userId").is(user)),
				Document.class, ActivityStore.COLLECTION))
			.hasSize(1);
	}

	private double dropped(String reason) {
		var counter = registry.find("getaways.activity.dropped").tag("reason", reason).counter();
		return counter == null ? 0 : counter.count();
	}

}
