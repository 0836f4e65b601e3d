package io.getaways.platform.db;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.getaways.booking.TestBookingApi;
import io.getaways.identity.Identity;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.Workload;
import io.getaways.support.HttpApi;
import io.getaways.support.HttpApi.Answer;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static io.getaways.booking.TestBookingApi.tripBody;
import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A long report never takes the connections bookings need: with every connection of the
 * reporting pool held by slow queries, bookings through the API keep their latency, and a
 * further report answers 503 naming its pool once the reporting pool's timeout passes.
 * Each pool shows in the metrics and in health.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkloadPoolsIT {

	private static final Logger log = LoggerFactory.getLogger(WorkloadPoolsIT.class);

	private static final String SLOW_REPORT = "SELECT pg_sleep(60) /* workload-pools-it */";

	private static final int BOOKINGS = 30;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Identity identity;

	@Autowired
	WorkloadPools pools;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private HttpApi http;

	private TestBookingApi fixtures;

	private String admin;

	private String traveller;

	private String trip;

	@BeforeAll
	void accountsAndTrip() {
		http = new HttpApi(port);
		fixtures = new TestBookingApi(context, http);
		TestAccounts accounts = fixtures.accounts();
		admin = accessToken(accounts.newUserWithRole(identity, "admin"));
		traveller = accessToken(accounts.newCustomer());
		trip = fixtures.trip(2 * BOOKINGS + 10, "80.00", Instant.now().plus(90, ChronoUnit.DAYS));
	}

	@Test
	void everyPoolShowsInMetricsAndHealth() {
		String metrics = http.get("/actuator/prometheus").body();
		for (Workload workload : Workload.values()) {
			assertThat(metrics).contains("hikaricp_connections_max{application=\"getaways\",pool=\""
					+ workload.poolName() + "\"} " + pools.pool(workload).getMaximumPoolSize() + ".0");
			assertThat(metrics)
				.contains("hikaricp_connections_active{application=\"getaways\",pool=\"" + workload.poolName() + "\"}");
		}

		JsonNode postgres = fixtures.accounts()
			.get("/actuator/health", admin)
			.json()
			.path("components")
			.path("postgres");
		assertThat(postgres.path("status").asString()).isEqualTo("UP");
		for (Workload workload : Workload.values()) {
			JsonNode pool = postgres.path("details").path("pools").path(workload.key());
			assertThat(pool.path("name").asString()).as(postgres.toString()).isEqualTo(workload.poolName());
			assertThat(pool.path("max").asInt()).isEqualTo(pools.pool(workload).getMaximumPoolSize());
			assertThat(pool.has("active") && pool.has("waiting") && pool.has("saturated")).isTrue();
		}
	}

	@Test
	void bookingsKeepTheirLatencyWhileEveryReportingConnectionIsHeld() throws Exception {
		for (int i = 0; i < 5; i++) {
			book();
		}
		List<Long> before = bookingLatencies();

		HikariDataSource reporting = pools.pool(Workload.REPORTING);
		int held = reporting.getMaximumPoolSize();
		ExecutorService slowReports = Executors.newFixedThreadPool(held);
		try {
			for (int i = 0; i < held; i++) {
				slowReports.submit(this::slowReport);
			}
			await().atMost(Duration.ofSeconds(10))
				.until(() -> reporting.getHikariPoolMXBean().getActiveConnections() == held);

			long reportStarted = System.nanoTime();
			CompletableFuture<Answer> report = CompletableFuture
				.supplyAsync(() -> fixtures.accounts().get("/api/v1/admin/reports/revenue?groupBy=month", admin));
			List<Long> during = bookingLatencies();
			Answer refused = report.get(30, TimeUnit.SECONDS);
			long reportMs = (System.nanoTime() - reportStarted) / 1_000_000;

			long p95Before = p95(before);
			long p95During = p95(during);
			log.info(
					"Booking p95 {} ms before, {} ms with all {} reporting connections held; report refused after {} ms",
					p95Before, p95During, held, reportMs);
			assertThat(p95During)
				.as("booking p95 %d ms before, %d ms with the reporting pool full; before %s during %s", p95Before,
						p95During, before, during)
				.isLessThanOrEqualTo(3 * p95Before + 250);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
			assertThat(refused.header("Retry-After")).isEqualTo("2");
			JsonNode problem = refused.json();
			assertThat(problem.path("pool").asString()).isEqualTo("getaways-reporting");
			assertThat(problem.path("detail").asString()).contains("reporting");
			// it waited for a reporting connection, not longer, and took no request
			// connection meanwhile
			assertThat(reportMs).isGreaterThanOrEqualTo(reporting.getConnectionTimeout() - 100)
				.isLessThan(reporting.getConnectionTimeout() + 10_000);
			assertThat(pools.pool(Workload.REQUESTS).getHikariPoolMXBean().getThreadsAwaitingConnection()).isZero();
		}
		finally {
			fixtures.rows("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query = ?", SLOW_REPORT);
			slowReports.shutdown();
			assertThat(slowReports.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}

		// the busy pool opened no circuit: bookings and reports are served at once again
		book();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> fixtures.accounts().get("/api/v1/admin/reports/revenue?groupBy=month", admin).status(),
					status -> status != 503);
	}

	/** A reporting transaction that holds its connection until the test cancels it. */
	private void slowReport() {
		try {
			ActorContext.runAs(Actor.anonymous().as(Actor.Role.READONLY),
					() -> transactions.executeWithoutResult(status -> jdbc.sql(SLOW_REPORT).query().listOfRows()));
		}
		catch (RuntimeException cancelled) {
			// the end of the test cancels the sleep
		}
	}

	private List<Long> bookingLatencies() {
		List<Long> latencies = new ArrayList<>();
		for (int i = 0; i < BOOKINGS; i++) {
			long started = System.nanoTime();
			book();
			latencies.add((System.nanoTime() - started) / 1_000_000);
		}
		return latencies;
	}

	private void book() {
		fixtures.bookOk(traveller, tripBody(trip, 1));
	}

	private static long p95(List<Long> latencies) {
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
	}

}
