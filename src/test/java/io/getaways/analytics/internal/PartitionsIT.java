package io.getaways.analytics.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import io.getaways.analytics.AnalyticsMaintenance;
import io.getaways.analytics.DefaultPartitionRows;
import io.getaways.analytics.PartitionUpkeep;
import io.getaways.booking.TestBookingApi;
import io.getaways.catalog.ListingViewed;
import io.getaways.search.SearchPerformed;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monthly partitions: created ahead, dropped (and exported) past the retention, and a row
 * of a month without a partition caught by the default partition and reported, then moved
 * into its partition once one is created.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionsIT {

	private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	AnalyticsMaintenance analytics;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ActivityRecorder recorder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private TestBookingApi fixtures;

	@BeforeAll
	void connect() {
		fixtures = new TestBookingApi(context, new HttpApi(port));
	}

	@Test
	void theCurrentMonthAndThreeAheadHavePartitions() {
		PartitionUpkeep upkeep = analytics.upkeepPartitions(line -> {
		});
		for (String table : List.of("search_events", "listing_views")) {
			for (int ahead = 0; ahead <= 3; ahead++) {
				assertThat(partitionExists(table + "_p" + suffix(NOW.plusMonths(ahead)))).as(table + " +" + ahead)
					.isTrue();
			}
			assertThat(partitionExists(table + "_p" + suffix(NOW.plusMonths(4)))).isFalse();
		}
		assertThat(analytics.upkeepPartitions(line -> {
		}).created()).as("a second run has nothing to create").isEmpty();
		assertThat(upkeep.created()).allMatch(name -> name.matches("(search_events|listing_views)_p\\d{6}"));
	}

	@Test
	void aViewOfAMonthWithoutPartitionLandsInTheDefaultAndIsReported() {
		// the test data directory outlives a run: the first far month that no run has
		// provisioned yet
		YearMonth unprovisioned = NOW.plusYears(7);
		while (partitionExists("listing_views_p" + suffix(unprovisioned))) {
			unprovisioned = unprovisioned.plusMonths(1);
		}
		YearMonth far = unprovisioned;
		String code = "PART" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		events.publishEvent(new ListingViewed("trip", code, UUID.randomUUID().toString(),
				far.atDay(10).atStartOfDay().toInstant(ZoneOffset.UTC)));
		events.publishEvent(new ListingViewed("trip", code, null, Instant.now()));
		recorder.flush();

		assertThat(fixtures.rows("SELECT tableoid::regclass::text AS part FROM analytics.listing_views WHERE code = ? "
				+ "ORDER BY viewed_at", code))
			.extracting(row -> row.get("part"))
			.containsExactly("analytics.listing_views_p" + suffix(NOW), "analytics.listing_views_default");
		List<DefaultPartitionRows> inDefault = analytics.upkeepPartitions(line -> {
		}).inDefault();
		assertThat(inDefault).anySatisfy(rows -> {
			assertThat(rows.table()).isEqualTo("listing_views");
			assertThat(rows.month()).isEqualTo(far);
			assertThat(rows.rows()).isGreaterThanOrEqualTo(1);
		});

		assertThat(fixtures.rows("SELECT analytics.create_month_partition('listing_views', ?::date) AS created",
				far.atDay(1)))
			.extracting(row -> row.get("created"))
			.containsExactly(true);
		assertThat(fixtures.rows("SELECT tableoid::regclass::text AS part FROM analytics.listing_views WHERE code = ? "
				+ "AND viewed_at > now() + interval '1 year'", code))
			.extracting(row -> row.get("part"))
			.containsExactly("analytics.listing_views_p" + suffix(far));
		assertThat(analytics.defaultPartitionRows()).noneMatch(rows -> rows.month().equals(far));
	}

	@Test
	void partitionsPastTheRetentionAreExportedAndDropped(@TempDir Path exports) throws Exception {
		YearMonth old = NOW.minusMonths(20);
		String term = "retention " + UUID.randomUUID();
		fixtures.rows("SELECT analytics.create_month_partition('search_events', ?::date) AS created", old.atDay(1));
		events.publishEvent(
				new SearchPerformed(term, "stay", 0, null, old.atDay(3).atTime(12, 0).toInstant(ZoneOffset.UTC)));
		recorder.flush();
		assertThat(partitionExists("search_events_p" + suffix(old))).isTrue();

		PartitionUpkeep upkeep = upkeeper(exports).run(line -> {
		});

		assertThat(upkeep.dropped()).contains("search_events_p" + suffix(old));
		assertThat(partitionExists("search_events_p" + suffix(old))).isFalse();
		Path file = exports.resolve("search_events_p" + suffix(old) + ".csv.gz");
		assertThat(upkeep.exported()).contains(file);
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
			List<String> lines = reader.lines().toList();
			assertThat(lines.get(0)).isEqualTo("searched_at,query,kind,hits,user_id");
			assertThat(lines).anyMatch(line -> line.contains(term) && line.contains(",stay,0,"));
		}
		assertThat(fixtures.count("SELECT count(*) FROM analytics.search_events WHERE query = ?", term)).isZero();
	}

	/** The service's upkeep, but exporting before it drops. */
	private PartitionUpkeeper upkeeper(Path exports) {
		AnalyticsSettings settings = new AnalyticsSettings(3, 13, exports, Duration.ofSeconds(2), 100_000, "-");
		return new PartitionUpkeeper(new PartitionRepository(jdbc), transactions, settings, Clock.systemUTC());
	}

	private boolean partitionExists(String name) {
		return fixtures.count("SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
				+ "WHERE c.relname = ? AND c.relnamespace = 'analytics'::regnamespace", name) == 1;
	}

	private static String suffix(YearMonth month) {
		return String.format("%04d%02d", month.getYear(), month.getMonthValue());
	}

}
