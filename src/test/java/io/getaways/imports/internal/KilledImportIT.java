package io.getaways.imports.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.getaways.GetawaysApplication;
import io.getaways.audit.AuditLog;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestStores;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.getaways.imports.internal.TravlrImportIT.checksums;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * An import run as an operator runs it, in a JVM of its own, killed with SIGKILL halfway
 * through its bookings and continued with {@code --resume} in another: it ends with
 * exactly the rows, counts and checksums of an uninterrupted import of the same content
 * under fresh keys. Both JVMs use this context's stores, so the checkpoint the kill waits
 * for and the rows compared are read here.
 */
@IntegrationTest
class KilledImportIT {

	private static final int CUSTOMERS = 60;

	private static final int TOURS = 12;

	private static final int BOOKINGS = 4000;

	private static final int BATCH_SIZE = 10;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	Importer importer;

	@Autowired
	AuditLog auditLog;

	@TempDir
	Path dir;

	@Test
	void anImportKilledHalfwayAndResumedEndsWithTheRowsOfAnUninterruptedOne() throws Exception {
		assumeFalse(TestStores.external(), "the second JVM is given the embedded stores of this context");
		SqliteSeed killed = seed(dir.resolve("killed.db"));
		SqliteSeed whole = seed(dir.resolve("whole.db"));
		Path mapping = dir.resolve("mapping.yml");
		Files.writeString(mapping, SqliteSeed.MAPPING);

		Process first = importer(killed, mapping, false, dir.resolve("first.log"));
		try {
			// a JVM of its own starts the whole service first: minutes on a busy machine
			await().atMost(Duration.ofMinutes(10))
				.pollInterval(Duration.ofMillis(50))
				.failFast("the import ended before it was killed", () -> !first.isAlive())
				.until(() -> bookingsCheckpoint(killed) > 0);
		}
		catch (ConditionTimeoutException | TerminalFailureException ex) {
			throw new AssertionError("no bookings checkpoint; the import's output:\n" + tail(dir.resolve("first.log")),
					ex);
		}
		finally {
			first.destroyForcibly();
			first.waitFor(60, TimeUnit.SECONDS);
		}
		long killedAt = bookingsCheckpoint(killed);
		assertThat(killedAt).as("killed halfway through the bookings").isBetween(1L, (long) BOOKINGS - 1);

		Process second = importer(killed, mapping, true, dir.resolve("second.log"));
		assertThat(second.waitFor(10, TimeUnit.MINUTES)).as("the resumed import ends").isTrue();
		String log = read(dir.resolve("second.log"));
		assertThat(log).as("the resumed run started after the checkpoint")
			.contains("import: reservations resuming after row");
		assertThat(second.exitValue()).as(log).isEqualTo(1);
		JsonNode resumed = JsonMapper.builder()
			.build()
			.readTree(log.lines()
				.filter(line -> line.startsWith("{\""))
				.reduce((a, b) -> b)
				.orElseThrow(() -> new AssertionError("no JSON report in:\n" + log)));

		ImportReport uninterrupted = run(whole, false);
		for (Tally tally : uninterrupted.entities()) {
			JsonNode entity = entity(resumed, tally.entity);
			assertThat(List.of(entity.get("source").asLong(), entity.get("inserted").asLong(),
					entity.get("skipped").asLong(), entity.get("rejected").asLong()))
				.as(tally.entity)
				.containsExactly(tally.sourceRows, tally.inserted, tally.skipped, tally.rejected);
		}
		assertThat(entity(resumed, "reservations").get("rejected").asLong()).as("sold-out bookings rejected")
			.isPositive();
		// the checksums cover keys, which differ; the same source run again (skipping
		// every
		// row it holds, rejecting the sold-out bookings again; a dry run would count
		// those
		// as accepted, since it takes no seats) reports the resumed run's checksums
		ImportReport rerun = run(killed, false);
		assertThat(rerun.entities()).allSatisfy(tally -> assertThat(tally.inserted).isZero());
		Map<String, String> again = checksums(rerun);
		for (Tally tally : uninterrupted.entities()) {
			assertThat(entity(resumed, tally.entity).get("checksum").asString()).isEqualTo(again.get(tally.entity));
		}

		assertThat(rows(killed)).isEqualTo(rows(whole)).hasSize(CUSTOMERS + TOURS + 3);
		assertThat(bookingRows(killed)).isEqualTo(bookingRows(whole))
			.hasSize((int) entity(resumed, "reservations").get("inserted").asLong());
		assertThat(auditLog.verify().isIntact()).isTrue();
	}

	private SqliteSeed seed(Path file) throws SQLException {
		SqliteSeed seed = new SqliteSeed(file).create(0, 0);
		String run = seed.run.toLowerCase(java.util.Locale.ROOT);
		try (Connection sqlite = seed.connect()) {
			sqlite.setAutoCommit(false);
			for (int i = 0; i < CUSTOMERS; i++) {
				seed.customer(sqlite, "killed-" + run + "-" + i + "@example.com", "Customer " + i);
			}
			for (int i = 0; i < TOURS; i++) {
				// room for most of the bookings, not all: the last ones of a tour are
				// sold out
				seed.tour(sqlite, "K" + seed.run + i, "Tour " + i, "$" + (700 + i) + ".00", 400, "01.03.2027",
						"08.03.2027");
			}
			String[] statuses = { "CONFIRMED", "COMPLETED", "CANCELLED", null };
			for (int i = 0; i < BOOKINGS; i++) {
				seed.reservation(sqlite, "K-" + seed.run + "-" + i,
						"killed-" + run + "-" + (i % CUSTOMERS) + "@example.com", "K" + seed.run + (i / 3 % TOURS),
						1 + i % 3, i % 5 == 0 ? "$650.00" : null, statuses[i % 4]);
			}
			sqlite.commit();
		}
		return seed;
	}

	private Process importer(SqliteSeed seed, Path mapping, boolean resume, Path log) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-cp",
						System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
						GetawaysApplication.class.getName()));
		command.addAll(storeProperties());
		command.addAll(List.of("--getaways.data-dir=" + dir.resolve("data"), "--getaways.demo-data.enabled=false",
				"import", "sqlite", seed.file.toString(), "--mapping", mapping.toString(), "--batch-size",
				Integer.toString(BATCH_SIZE), "--json", "--rejects", dir.resolve("rejects.csv").toString()));
		if (resume) {
			command.add("--resume");
		}
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** The embedded stores this context started, so the second JVM starts none. */
	private List<String> storeProperties() {
		List<String> properties = new ArrayList<>();
		var source = context.getEnvironment().getPropertySources().get("getawaysEmbeddedStores");
		assertThat(source).isInstanceOf(EnumerablePropertySource.class);
		for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
			// the keys come as they are now, below: a rotation in this JVM may have added
			// one
			if (!name.equals("getaways.demo-data.enabled") && !name.startsWith("getaways.crypto.")) {
				properties.add("--" + name + "=" + context.getEnvironment().getProperty(name));
			}
		}
		TestStores.embedded(context)
			.encryptionProperties()
			.forEach((name, value) -> properties.add("--" + name + "=" + value));
		return properties;
	}

	private ImportReport run(SqliteSeed seed, boolean dryRun) {
		ImportMapping mapping = ImportMapping.parse(SqliteSeed.MAPPING, "test");
		try (JdbcSource source = JdbcSource.sqlite(seed.file, mapping)) {
			return importer.run(source, mapping,
					new ImportOptions(dryRun, BATCH_SIZE, false, false, dir.resolve("in-process-rejects.csv")),
					new PrintWriter(new StringWriter()));
		}
	}

	private static JsonNode entity(JsonNode report, String name) {
		for (JsonNode entity : report.get("entities")) {
			if (entity.get("entity").asString().equals(name)) {
				return entity;
			}
		}
		throw new AssertionError("no " + name + " in " + report);
	}

	private long bookingsCheckpoint(SqliteSeed seed) throws SQLException {
		List<String> positions = query("""
				SELECT position FROM app.import_checkpoints
				WHERE entity = 'reservations' AND source = ? AND NOT finished""",
				"sqlite:" + seed.file.toAbsolutePath());
		return positions.isEmpty() ? 0 : Long.parseLong(positions.get(0));
	}

	/**
	 * Users (their hashes only checked for form: each seed salts its own) and trips with
	 * the run's token taken out of their keys.
	 */
	private List<String> rows(SqliteSeed seed) throws SQLException {
		List<String> rows = new ArrayList<>(query("""
				SELECT concat_ws('|', replace(lower(email::text), lower(?), ''), name,
				                 password_hash LIKE '{travlr-pbkdf2}1000$%' AND length(password_hash) = 181)
				FROM app.users WHERE email LIKE ? ORDER BY 1""", seed.run, "killed-" + seed.run.toLowerCase() + "-%"));
		rows.addAll(
				query("""
						SELECT concat_ws('|', replace(code, ?, ''), name, resort, departs_at, nights, price_per_person, currency,
						                 capacity, seats_booked, status)
						FROM app.trips WHERE code LIKE ? ORDER BY 1""",
						seed.run, "K" + seed.run + "%"));
		rows.add(query("SELECT count(*) FROM app.import_references WHERE source_key LIKE ?", "K-" + seed.run + "-%")
			.get(0));
		rows.add(query("""
				SELECT count(*) FROM audit.log a JOIN app.trips t ON a.record_id = t.id::text
				WHERE a.table_name = 'app.trips' AND t.code LIKE ?""", "K" + seed.run + "%").get(0));
		rows.add(query("""
				SELECT count(*) FROM audit.log a JOIN app.bookings b ON a.record_id = b.id::text
				  JOIN app.import_references r ON r.target_id = b.id
				WHERE a.table_name = 'app.bookings' AND r.source_key LIKE ?""", "K-" + seed.run + "-%").get(0));
		return rows;
	}

	private List<String> bookingRows(SqliteSeed seed) throws SQLException {
		return query("""
				SELECT concat_ws('|', replace(r.source_key, ?, ''), replace(lower(u.email::text), lower(?), ''),
				                 replace(t.code, ?, ''), b.seats, b.unit_price, b.total_amount, b.currency, b.status,
				                 b.created_at, b.confirmed_at, b.completed_at, b.cancelled_at, b.cancellation_reason)
				FROM app.import_references r
				  JOIN app.bookings b ON b.id = r.target_id
				  JOIN app.users u ON u.id = b.user_id
				  JOIN app.trips t ON t.id = b.trip_id
				WHERE r.entity = 'bookings' AND r.source_key LIKE ?
				ORDER BY 1""", seed.run, seed.run, seed.run, "K-" + seed.run + "-%");
	}

	private List<String> query(String sql, String... params) throws SQLException {
		try (Connection connection = DriverManager.getConnection(TestStores.superuserUrl(context),
				TestStores.superuser(), null); PreparedStatement select = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				select.setString(i + 1, params[i]);
			}
			List<String> rows = new ArrayList<>();
			try (ResultSet row = select.executeQuery()) {
				while (row.next()) {
					rows.add(row.getString(1));
				}
			}
			return rows;
		}
	}

	private static String tail(Path file) {
		List<String> lines = read(file).lines().filter(line -> !line.startsWith("\tat ")).toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
