package io.getaways.analytics.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.getaways.analytics.AnalyticsMaintenance;
import io.getaways.booking.TestBookingApi;
import io.getaways.identity.Identity;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static io.getaways.booking.TestBookingApi.tripBody;
import static io.getaways.support.TestAccounts.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Refreshing the report views CONCURRENTLY while bookings are placed and paid blocks no
 * reader: readers with a short lock_timeout keep getting answers throughout. A plain
 * (non-concurrent) refresh, as a control, does block them, so the readers would notice.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentRefreshIT {

	private static final String READ = """
			SELECT (SELECT count(*) FROM analytics.revenue_monthly)
			     + (SELECT count(*) FROM analytics.trip_occupancy)
			     + (SELECT count(*) FROM analytics.stay_occupancy_monthly)
			     + (SELECT count(*) FROM analytics.booking_funnel_weekly)
			     + (SELECT count(*) FROM analytics.search_terms_daily)""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Identity identity;

	@Autowired
	AnalyticsMaintenance analytics;

	private TestBookingApi fixtures;

	private String database;

	@BeforeAll
	void connect() {
		fixtures = new TestBookingApi(context, new HttpApi(port));
		String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
		database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
	}

	@Test
	void readersAreNeverBlockedByAConcurrentRefreshUnderBookingLoad() throws Exception {
		String trip = fixtures.trip(10_000, "20.00", Instant.now().plus(30, ChronoUnit.DAYS));
		String admin = accessToken(fixtures.accounts().newUserWithRole(identity, "admin"));
		HttpApi http = new HttpApi(port);
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong reads = new AtomicLong();
		AtomicLong slowestReadMs = new AtomicLong();
		ExecutorService threads = Executors.newFixedThreadPool(5);
		List<Future<?>> work = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			work.add(threads.submit(() -> {
				String traveller = accessToken(fixtures.accounts().newCustomer());
				while (running.get()) {
					fixtures.pay(traveller, fixtures.bookOk(traveller, tripBody(trip, 1)));
				}
				return null;
			}));
		}
		for (int i = 0; i < 2; i++) {
			work.add(threads.submit(() -> {
				try (Connection connection = reader(); Statement statement = connection.createStatement()) {
					while (running.get()) {
						long started = System.nanoTime();
						statement.executeQuery(READ).close();
						slowestReadMs.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
						reads.incrementAndGet();
					}
				}
				return null;
			}));
		}
		work.add(threads.submit(() -> {
			while (running.get()) {
				var answer = http.get("/api/v1/admin/reports/occupancy", "Authorization", "Bearer " + admin);
				assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			}
			return null;
		}));
		long readsDuringRefreshes = 0;
		try {
			long started = System.nanoTime() + 30_000_000_000L;
			while (reads.get() == 0 && System.nanoTime() < started) {
				Thread.sleep(10);
			}
			long until = System.nanoTime() + 5_000_000_000L;
			while (System.nanoTime() < until) {
				long before = reads.get();
				analytics.refreshReports(line -> {
				});
				readsDuringRefreshes += reads.get() - before;
			}
		}
		finally {
			running.set(false);
			threads.shutdown();
			assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		for (Future<?> done : work) {
			done.get();
		}
		assertThat(readsDuringRefreshes).as("reads answered while views were refreshed").isPositive();
		assertThat(slowestReadMs.get()).as("slowest read, ms").isLessThan(1_000);
		assertThat(fixtures.count("SELECT seats_sold FROM analytics.trip_occupancy WHERE trip_code = ?", trip))
			.isPositive();
	}

	@Test
	void aPlainRefreshWouldBlockTheSameReader() throws SQLException {
		try (Connection refresher = DriverManager.getConnection(TestStores.superuserUrl(context, database),
				TestStores.superuser(), null); Connection reader = reader()) {
			refresher.setAutoCommit(false);
			try (Statement statement = refresher.createStatement()) {
				statement.execute("REFRESH MATERIALIZED VIEW analytics.trip_occupancy");
			}
			assertThatThrownBy(() -> reader.createStatement().executeQuery(READ))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("55P03"));
			refresher.rollback();
		}
	}

	/**
	 * A reader that gives up waiting for a lock after 500 ms instead of waiting it out.
	 */
	private Connection reader() throws SQLException {
		Connection connection = DriverManager.getConnection(TestStores.superuserUrl(context, database),
				TestStores.superuser(), null);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET lock_timeout = '500ms'");
		}
		return connection;
	}

}
