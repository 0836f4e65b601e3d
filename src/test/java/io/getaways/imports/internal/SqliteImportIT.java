package io.getaways.imports.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;

import io.getaways.audit.AuditLog;
import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;
import io.getaways.support.CommandLineRuns;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static io.getaways.imports.internal.TravlrImportIT.checksums;
import static io.getaways.imports.internal.TravlrImportIT.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQLite files, made by the test, imported with a generic mapping: conversions, the
 * issue's bad rows, idempotency, resume, and the command line.
 */
@IntegrationTest
class SqliteImportIT {

	@Autowired
	Importer importer;

	@Autowired
	Catalog catalog;

	@Autowired
	Identity identity;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Environment environment;

	@TempDir
	Path dir;

	private final StringWriter progress = new StringWriter();

	@Test
	void aGenericMappingConvertsMoneyDatesAndReturnDatesAndASecondRunChangesNothing() throws Exception {
		SqliteSeed seed = new SqliteSeed(dir.resolve("shop.db")).create(3, 2);

		ImportReport dryRun = run(seed, true, false);
		assertThat(counts(dryRun, "tours")).containsExactly(3L, 3L, 0L, 0L);
		assertThat(catalog.findTrip(seed.codes.get(0))).isEmpty();

		ImportReport first = run(seed, false, false);
		assertThat(counts(first, "tours")).containsExactly(3L, 3L, 0L, 0L);
		assertThat(counts(first, "customers")).containsExactly(2L, 2L, 0L, 0L);
		assertThat(checksums(first)).isEqualTo(checksums(dryRun));
		assertThat(catalog.findTrip(seed.codes.get(0))).hasValueSatisfying(trip -> {
			assertThat(trip.trip().pricePerPerson()).isEqualByComparingTo("1250.00");
			assertThat(trip.trip().currency()).isEqualTo("USD");
			assertThat(trip.trip().nights()).isEqualTo(7);
			assertThat(trip.trip().capacity()).isEqualTo(12);
			assertThat(trip.trip().departsAt()).hasToString("2027-03-01T00:00:00Z");
		});
		assertThat(identity.userExists(seed.emails.get(1))).isTrue();
		assertThat(auditLog.verify().isIntact()).isTrue();

		ImportReport second = run(seed, false, false);
		assertThat(counts(second, "tours")).containsExactly(3L, 0L, 3L, 0L);
		assertThat(counts(second, "customers")).containsExactly(2L, 0L, 2L, 0L);
		assertThat(checksums(second)).isEqualTo(checksums(first));
	}

	@Test
	void theIssuesBadRowsAreRejectedWithReasonsAndNothingOfThemIsWritten() throws Exception {
		SqliteSeed seed = new SqliteSeed(dir.resolve("bad.db")).create(1, 1);
		String negative = "NEG" + seed.run;
		String backwards = "BACK" + seed.run;
		String wordy = "WORD" + seed.run;
		String latin1 = "UTF" + seed.run;
		try (Connection sqlite = seed.connect()) {
			seed.tour(sqlite, negative, "Negative", "-5.00", 10, "01.03.2027", "08.03.2027");
			seed.tour(sqlite, backwards, "Backwards", "$100", 10, "10.03.2027", "08.03.2027");
			seed.tour(sqlite, wordy, "Wordy", "$100", "many", "01.03.2027", "08.03.2027");
			seed.tour(sqlite, seed.codes.get(0).toLowerCase(Locale.ROOT), "Twice", "$100", 10, "01.03.2027",
					"08.03.2027");
			seed.customer(sqlite, "nobody-at-example.com", "Nobody");
		}
		seed.execute("INSERT INTO tours (code, title, resort, starts_on, ends_on, price, seats) VALUES ('" + latin1
				+ "', CAST(X'4361666520C3A9C328' AS TEXT), 'Lakeside', '01.03.2027', '08.03.2027', '$100', 10)");

		ImportReport report = run(seed, false, false);

		assertThat(report.exitCode()).isEqualTo(1);
		assertThat(counts(report, "tours")).containsExactly(6L, 1L, 0L, 5L);
		assertThat(counts(report, "customers")).containsExactly(2L, 1L, 0L, 1L);
		assertThat(Files.readAllLines(dir.resolve("rejects.csv"))).contains("entity,key,reason",
				"customers,nobody-at-example.com,email: must be an email address of at most 254 characters",
				"tours," + negative + ",price: must not be negative",
				"tours," + backwards + ",returns_at: must be after departs_at",
				"tours," + wordy + ",capacity: 'many' is not a whole number",
				"tours," + seed.codes.get(0) + ",code: duplicate key in the source",
				"tours," + latin1 + ",name: column title is not valid UTF-8");
		assertThat(Files.readString(dir.resolve("rejects.csv"))).doesNotContain(TravlrSeed.PASSWORD);
		for (String code : new String[] { negative, backwards, wordy, latin1 }) {
			assertThat(catalog.findTrip(code)).as(code).isEmpty();
		}
		assertThat(catalog.findTrip(seed.codes.get(0)))
			.hasValueSatisfying(trip -> assertThat(trip.trip().name()).doesNotContain("Twice"));
	}

	@Test
	void anImportKilledHalfwayAndResumedEndsWithTheRowsOfAnUninterruptedOne() throws Exception {
		SqliteSeed seed = new SqliteSeed(dir.resolve("killed.db")).create(9, 1);
		ImportReport expected = run(seed, true, false);
		ImportMapping mapping = ImportMapping.parse(SqliteSeed.MAPPING, "test");

		try (ImportSource dying = new DyingSource(JdbcSource.sqlite(seed.file, mapping), "tours", 5)) {
			assertThatThrownBy(() -> importer.run(dying, mapping, options(false, false), new PrintWriter(progress)))
				.hasMessageContaining("killed");
		}
		assertThat(seed.codes.stream().filter(code -> catalog.findTrip(code).isPresent())).hasSize(4);

		ImportReport resumed = run(seed, false, true);
		assertThat(progress.toString()).contains("import: tours resuming after row 4 of 9");
		assertThat(counts(resumed, "tours")).containsExactly(9L, 9L, 0L, 0L);
		assertThat(checksums(resumed)).isEqualTo(checksums(expected));
		assertThat(seed.codes).allSatisfy(code -> assertThat(catalog.findTrip(code)).isPresent());

		ImportReport again = run(seed, false, true);
		assertThat(counts(again, "tours")).as("a finished import resumed is finished").containsExactly(9L, 9L, 0L, 0L);
	}

	@Test
	void failFastStopsAtTheFirstRejectedRowKeepingTheBatchesBeforeIt() throws Exception {
		SqliteSeed seed = new SqliteSeed(dir.resolve("fast.db")).create(3, 0);
		String bad = "BAD" + seed.run;
		try (Connection sqlite = seed.connect()) {
			seed.tour(sqlite, bad, "Bad", "-1.00", 10, "01.03.2027", "08.03.2027");
			seed.tour(sqlite, "AFTER" + seed.run, "After", "$10", 10, "01.03.2027", "08.03.2027");
		}
		ImportMapping mapping = ImportMapping.parse(SqliteSeed.MAPPING, "test");
		ImportReport report;
		try (JdbcSource source = JdbcSource.sqlite(seed.file, mapping)) {
			report = importer.run(source, mapping, new ImportOptions(false, 2, false, true, dir.resolve("rejects.csv")),
					new PrintWriter(progress));
		}

		assertThat(report.exitCode()).isEqualTo(1);
		assertThat(report.stoppedAt()).isEqualTo("tours row 4 (" + bad + "): price: must not be negative");
		assertThat(report.lines()).last().asString().startsWith("import: stopped at tours row 4");
		assertThat(seed.codes).allSatisfy(code -> assertThat(catalog.findTrip(code)).isPresent());
		assertThat(catalog.findTrip("AFTER" + seed.run)).isEmpty();
		assertThat(report.entities()).extracting(tally -> tally.entity).doesNotContain("reservations");
	}

	@Test
	void theCommandLineImportsAFileAndReportsInJsonOrFailsInOneLine() throws Exception {
		SqliteSeed seed = new SqliteSeed(dir.resolve("cli.db")).create(2, 1);
		Path mapping = Files.writeString(dir.resolve("mapping.yml"), SqliteSeed.MAPPING);
		String dataDir = environment.getRequiredProperty("getaways.data-dir");

		CommandLineRuns.Result noMapping = CommandLineRuns.run("import", "sqlite", seed.file.toString(), "--data-dir",
				dataDir);
		assertThat(noMapping.exitCode()).isEqualTo(2);
		assertThat(noMapping.err().strip())
			.isEqualTo("import: --mapping FILE is required for this source (docs/imports.md, \"Mapping format\")");

		CommandLineRuns.Result imported = CommandLineRuns.run("import", "sqlite", seed.file.toString(), "--mapping",
				mapping.toString(), "--json", "--batch-size", "1", "--rejects", dir.resolve("cli.csv").toString(),
				"--data-dir", dataDir);
		assertThat(imported.exitCode()).as(imported.toString()).isZero();
		assertThat(imported.out()).contains("\"source\":\"sqlite:" + seed.file.toAbsolutePath() + "\"")
			.contains("\"entity\":\"tours\",\"source\":2,\"inserted\":2");
		assertThat(imported.err()).contains("import: tours 2/2 rows (100%)");
		assertThat(seed.codes).allSatisfy(code -> assertThat(catalog.findTrip(code)).isPresent());
	}

	private ImportReport run(SqliteSeed seed, boolean dryRun, boolean resume) {
		ImportMapping mapping = ImportMapping.parse(SqliteSeed.MAPPING, "test");
		try (JdbcSource source = JdbcSource.sqlite(seed.file, mapping)) {
			return importer.run(source, mapping, options(dryRun, resume), new PrintWriter(progress));
		}
	}

	private ImportOptions options(boolean dryRun, boolean resume) {
		return new ImportOptions(dryRun, 2, resume, false, dir.resolve("rejects.csv"));
	}

}
