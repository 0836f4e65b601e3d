package io.getaways.platform.redis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.getaways.catalog.Catalog;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import io.getaways.support.TestStores;
import io.getaways.support.TestTrips;
import io.getaways.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on a real six-node Redis Cluster the test starts from the machine's
 * {@code redis-server}: the catalog cache (whose entry and stamp share a hash slot), rate
 * limits, the token deny-list and browser sessions work there, and when the primary
 * holding a cached trip is killed mid-load, every request is still answered while a
 * replica takes over.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "io.getaways.platform.redis.RedisClusterIT#externalPassWithRedis",
		disabledReason = "runs in the external-stores pass, with the machine's redis-server and redis-cli")
class RedisClusterIT {

	static Path dir;

	static LocalRedisCluster cluster;

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	RedisConnectionFactory connections;

	HttpApi http;

	TestAccounts accounts;

	/**
	 * The external-stores pass (CI's second run), where the service's other stores are
	 * the machine's too, and the cluster's six servers do not share the machine with the
	 * embedded ones of the first pass.
	 */
	static boolean externalPassWithRedis() {
		return TestStores.external() && LocalRedisCluster.installed();
	}

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) throws Exception {
		dir = Files.createTempDirectory("redis-cluster-it");
		cluster = LocalRedisCluster.start(dir);
		registry.add("spring.data.redis.cluster.nodes", cluster::nodes);
	}

	@BeforeAll
	void setUp() {
		http = new HttpApi(port);
		accounts = new TestAccounts(http);
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void theServiceTalksToTheClusterForCacheRateLimitsAndRevokedTokens() {
		assertThat(connections.getConnection()).isInstanceOf(RedisClusterConnection.class);
		StringRedisTemplate redis = new StringRedisTemplate(connections);
		String trip = newTrip();

		assertThat(http.get("/api/v1/trips/" + trip).status()).isEqualTo(200);
		assertThat(http.get("/api/v1/trips/" + trip).status()).isEqualTo(200);
		assertThat(redis.hasKey("getaways:trip:{" + trip + "}")).as("cached in the cluster").isTrue();

		Answer limited = http.get("/api/v1/trips");
		assertThat(limited.header("X-RateLimit-Remaining")).isNotNull();
		assertThat(redis.keys("getaways:rate:*")).as("rate-limit buckets live in the cluster").isNotEmpty();

		JsonNode session = accounts.newCustomer();
		Answer logout = accounts.send("POST", "/api/v1/auth/logout", accessToken(session), "{}");
		assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
		assertThat(accounts.get("/api/v1/me", accessToken(session)).status()).isEqualTo(401);
	}

	/**
	 * Signing in changes the session's id, which Spring Session does with a RENAME of its
	 * key, and the old and new keys hash to different slots: the cluster connection must
	 * move the session across nodes, or every browser sign-in would fail.
	 */
	@Test
	void browserSessionsLiveInTheClusterAcrossTheSignInThatChangesTheirId() {
		WebSession traveller = new WebSession(port);
		String name = "Cluster Session " + UUID.randomUUID().toString().substring(0, 8);
		traveller.register(name, TestAccounts.email());

		Answer account = traveller.get("/account");
		assertThat(account.status()).as(account.toString()).isEqualTo(200);
		assertThat(account.body()).contains(name);
		StringRedisTemplate redis = new StringRedisTemplate(connections);
		Set<String> sessions = redis.keys("getaways:session:sessions:*");
		assertThat(sessions).as("sessions live in the cluster").isNotEmpty();
		assertThat(sessions).allSatisfy(key -> assertThat(redis.getExpire(key)).as("%s expires", key).isPositive());
	}

	@Test
	void killingThePrimaryOfACachedTripLosesNoRequest() throws Exception {
		String trip = newTrip();
		assertThat(http.get("/api/v1/trips/" + trip).status()).isEqualTo(200);
		String key = "getaways:trip:{" + trip + "}";
		int primary = cluster.primaryOf(key);
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger answered = new AtomicInteger();
		List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		ExecutorService clients = Executors.newFixedThreadPool(4);
		List<Future<?>> load = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			load.add(clients.submit(() -> {
				while (running.get()) {
					Answer answer = http.get("/api/v1/trips/" + trip);
					if (answer.status() == 200) {
						answered.incrementAndGet();
					}
					else {
						failures.add(answer.toString());
					}
				}
			}));
		}
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> answered.get() >= 50);
			cluster.kill(primary);
			int beforeFailover = answered.get();
			// the cluster still reports the dead primary for about its node timeout; the
			// failover is over when a replica serves the key's slot
			await().atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.until(() -> cluster.primaryOf(key) != primary && cluster.healthy());
			int afterFailover = answered.get();
			assertThat(afterFailover).as("answered while the replica took over").isGreaterThan(beforeFailover);
			await().atMost(Duration.ofSeconds(30)).until(() -> answered.get() >= afterFailover + 100);
		}
		finally {
			running.set(false);
			for (Future<?> client : load) {
				client.get(30, TimeUnit.SECONDS);
			}
			clients.shutdownNow();
		}

		assertThat(failures).as("requests answered otherwise than 200").isEmpty();
		StringRedisTemplate redis = new StringRedisTemplate(connections);
		String another = newTrip();
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
			assertThat(http.get("/api/v1/trips/" + another).status()).isEqualTo(200);
			assertThat(redis.hasKey("getaways:trip:{" + another + "}")).as("the cache works again").isTrue();
		});
	}

	private String newTrip() {
		String code = TestTrips.code();
		TestTrips.create(catalog, TestTrips.draft(code, "Cluster trip", "Test Reef",
				Instant.now().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), "300.00"));
		return code;
	}

}
