package io.getaways.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestTrips;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static io.getaways.support.HttpApi.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many clients asking at once for one entry nobody has cached yet: the instance loads it from the databases once and
 * answers all of them with it. Loads are counted twice: by the cache and by the store timer of the PostgreSQL read.
 */
@IntegrationTest
class CacheStampedeIT {

	private static final int CLIENTS = 40;

	@LocalServerPort
	int port;

	@Autowired
	CatalogService catalog;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationContext context;

	private HttpApi api;
	private ExecutorService clients;

	@BeforeEach
	void connect() {
		api = new HttpApi(port);
		clients = Executors.newFixedThreadPool(CLIENTS);
	}

	@AfterEach
	void stop() {
		clients.shutdownNow();
	}

	@Test
	void concurrentReadsOfOneUncachedTripLoadItOnce() throws Exception {
		String code = TestTrips.code();
		TestTrips.create(catalog, TestTrips.draft(code, "Stampede Shoal", "Herd Resort", Instant.parse("2094-03-01T08:00:00Z"),
				"410.00"));
		awaitProjected(code);
		double loadsBefore = count("getaways.cache.loads", "trip");
		long readsBefore = postgresReads("trip.find");

		List<Answer> answers = all("/api/v1/trips/" + code);

		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			assertThat(answer.json().path("code").asString()).isEqualTo(code);
			assertThat(answer.json().path("contentAvailable").asBoolean()).isTrue();
		});
		assertThat(count("getaways.cache.loads", "trip") - loadsBefore).as("loads counted by the cache").isEqualTo(1);
		assertThat(postgresReads("trip.find") - readsBefore).as("reads of the trip row").isEqualTo(1);
	}

	@Test
	void concurrentSearchesOfOneUncachedPageLoadItOnce() throws Exception {
		String resort = "Herd " + TestTrips.token(8);
		String code = TestTrips.code();
		TestTrips.create(catalog, TestTrips.draft(code, "Stampede Search", resort, Instant.parse("2094-03-01T08:00:00Z"),
				"410.00"));
		double loadsBefore = count("getaways.cache.loads", "trip-page");
		long searchesBefore = postgresReads("trip.search");

		List<Answer> answers = all("/api/v1/trips?resort=" + encode(resort));

		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			assertThat(answer.json().path("items").get(0).path("code").asString()).isEqualTo(code);
		});
		assertThat(count("getaways.cache.loads", "trip-page") - loadsBefore).isEqualTo(1);
		assertThat(postgresReads("trip.search") - searchesBefore).isEqualTo(1);
	}

	/** Every client waits at one gate, so the requests arrive together. */
	private List<Answer> all(String path) throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		List<Future<Answer>> pending = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			pending.add(clients.submit(() -> {
				gate.await(10, TimeUnit.SECONDS);
				return api.get(path);
			}));
		}
		gate.countDown();
		List<Answer> answers = new ArrayList<>();
		for (Future<Answer> answer : pending) {
			answers.add(answer.get(30, TimeUnit.SECONDS));
		}
		return answers;
	}

	/**
	 * Waits until the content is in MongoDB and its event completed, without reading the trip through the API (which
	 * would cache it), so that no projection invalidates the entry while the clients read it.
	 */
	private void awaitProjected(String code) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mongo.findById(code, Document.class, "trip_content") != null);
		await().atMost(Duration.ofSeconds(30)).until(() -> OutboxEvents.incomplete(context, code) == 0);
	}

	private double count(String name, String cache) {
		Counter counter = meters.find(name).tags("cache", cache).counter();
		return counter == null ? 0 : counter.count();
	}

	private long postgresReads(String operation) {
		Timer timer = meters.find("getaways.store.operations")
			.tags("store", "postgres", "operation", operation, "outcome", "success")
			.timer();
		return timer == null ? 0 : timer.count();
	}
}
