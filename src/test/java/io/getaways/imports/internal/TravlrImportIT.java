package io.getaways.imports.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.getaways.audit.AuditEntry;
import io.getaways.audit.AuditLog;
import io.getaways.audit.AuditQuery;
import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;
import io.getaways.support.CommandLineRuns;
import io.getaways.support.HttpApi;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestStores;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static io.getaways.support.TestAccounts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A Travlr MongoDB (in the test JVM's MongoDB server) imported through the catalog and
 * identity: counts, content in MongoDB, the audit trail, idempotency, resume, bad rows
 * and the old passwords.
 */
@IntegrationTest
class TravlrImportIT {

	@Autowired
	Importer importer;

	@Autowired
	ApplicationContext context;

	@Autowired
	Catalog catalog;

	@Autowired
	Identity identity;

	@Autowired
	AuditLog auditLog;

	@Autowired
	MongoTemplate mongo;

	@LocalServerPort
	int port;

	@TempDir
	Path dir;

	private final StringWriter progress = new StringWriter();

	@Test
	void aDryRunCountsWhatWouldHappenAndWritesNothing() throws Exception {
		try (TravlrSeed seed = new TravlrSeed(context.getEnvironment()).seed(2)) {
			ImportReport report = run(seed, true, false);

			assertThat(counts(report, "users")).containsExactly(2L, 2L, 0L, 0L);
			assertThat(counts(report, "trips")).containsExactly(7L, 7L, 0L, 0L);
			assertThat(report.exitCode()).isZero();
			assertThat(seed.codes).allSatisfy(code -> assertThat(catalog.findTrip(code)).isEmpty());
			assertThat(seed.emails).allSatisfy(email -> assertThat(identity.userExists(email)).isFalse());
			assertThat(Files.readAllLines(dir.resolve("rejects.csv"))).containsExactly("entity,key,reason");
		}
	}

	@Test
	void anImportWritesThroughTheCatalogAsTheImportAndASecondRunChangesNothing() {
		try (TravlrSeed seed = new TravlrSeed(context.getEnvironment()).seed(2)) {
			ImportReport first = run(seed, false, false);
			assertThat(counts(first, "trips")).containsExactly(7L, 7L, 0L, 0L);
			assertThat(counts(first, "users")).containsExactly(2L, 2L, 0L, 0L);
			assertThat(progress.toString()).contains("import: trips 7/7 rows (100%)");

			String code = seed.codes.get(0);
			assertThat(catalog.findTrip(code)).hasValueSatisfying(trip -> {
				assertThat(trip.trip().nights()).isEqualTo(4);
				assertThat(trip.trip().pricePerPerson()).isEqualByComparingTo("799.00");
				assertThat(trip.trip().currency()).isEqualTo("USD");
			});
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(
						() -> assertThat(mongo.findById(code, Document.class, "trip_content").getString("description"))
							.contains("Sed et augue lorem"));
			HttpApi api = new HttpApi(port);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(
						() -> assertThat(api.get("/api/v1/trips?q=" + seed.run).json().path("totalItems").asLong())
							.isEqualTo(7));
			List<AuditEntry> entries = auditLog.search(new AuditQuery("app.trips", code, null, null, null, 0, 10))
				.items();
			assertThat(entries).extracting(AuditEntry::actor).containsOnly("import:travlr:" + seed.uri);
			assertThat(auditLog.verify().isIntact()).isTrue();

			ImportReport second = run(seed, false, false);
			assertThat(counts(second, "trips")).containsExactly(7L, 0L, 7L, 0L);
			assertThat(counts(second, "users")).containsExactly(2L, 0L, 2L, 0L);
			assertThat(checksums(second)).isEqualTo(checksums(first));
			assertThat(auditLog.search(new AuditQuery("app.trips", code, null, null, null, 0, 10)).items())
				.hasSameSizeAs(entries);
		}
	}

	@Test
	void anImportedTravlrUserSignsInWithTheOldPasswordAndIsRehashedWithArgon2id() throws Exception {
		try (TravlrSeed seed = new TravlrSeed(context.getEnvironment()).seed(1)) {
			run(seed, false, false);
			String email = seed.emails.get(0);
			assertThat(storedHash(email)).startsWith("{travlr-pbkdf2}1000$");
			HttpApi api = new HttpApi(port);

			HttpApi.Answer wrong = api.send("POST", "/api/login", "application/json",
					json("email", email, "password", "not the password"));
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(storedHash(email)).startsWith("{travlr-pbkdf2}");

			HttpApi.Answer login = api.send("POST", "/api/login", "application/json",
					json("email", email, "password", TravlrSeed.PASSWORD));
			assertThat(login.status()).as(login.toString()).isEqualTo(200);
			assertThat(login.json().path("token").asString()).isNotBlank();
			assertThat(storedHash(email)).startsWith("$argon2id$");
			assertThat(api
				.send("POST", "/api/login", "application/json", json("email", email, "password", TravlrSeed.PASSWORD))
				.status()).isEqualTo(200);
		}
	}

	@Test
	void badRowsAreRejectedWithReasonsAndNothingOfThemIsWritten() throws Exception {
		try (TravlrSeed seed = new TravlrSeed(context.getEnvironment()).seed(1)) {
			String negative = "NEG" + seed.run;
			String notANumber = "NAN" + seed.run;
			seed.trips().insertOne(seed.trip(negative, "Negative", "Reef", "-5.00"));
			seed.trips().insertOne(seed.trip(notANumber, "Not a number", "Reef", "abc"));
			seed.trips().insertOne(seed.trip(seed.codes.get(1), "Twice", "Reef", "10.00"));
			seed.users().insertOne(TravlrSeed.user("Broken", "not-an-email", TravlrSeed.PASSWORD));
			seed.users().insertOne(TravlrSeed.user("Again", seed.emails.get(0), TravlrSeed.PASSWORD));

			ImportReport dryRun = run(seed, true, false);
			assertThat(counts(dryRun, "trips")).containsExactly(10L, 7L, 0L, 3L);
			assertThat(counts(dryRun, "users")).containsExactly(3L, 1L, 0L, 2L);

			ImportReport report = run(seed, false, false);
			assertThat(report.exitCode()).isEqualTo(1);
			assertThat(counts(report, "trips")).containsExactly(10L, 7L, 0L, 3L);
			assertThat(counts(report, "users")).containsExactly(3L, 1L, 0L, 2L);
			String rejects = Files.readString(dir.resolve("rejects.csv"));
			assertThat(rejects).contains("trips," + negative + ",price: must not be negative",
					"trips," + notANumber + ",price: 'abc' is not an amount such as '$799.00'",
					"trips," + seed.codes.get(1) + ",code: duplicate key in the source",
					"users,not-an-email,email: must be an email address",
					"users," + seed.emails.get(0) + ",email: duplicate key in the source");
			assertThat(rejects).doesNotContain(TravlrSeed.PASSWORD, "salt", "hash");
			assertThat(catalog.findTrip(negative)).isEmpty();
			assertThat(catalog.findTrip(notANumber)).isEmpty();
			assertThat(catalog.findTrip(seed.codes.get(1)))
				.hasValueSatisfying(trip -> assertThat(trip.trip().name()).doesNotContain("Twice"));
			assertThat(identity.userExists("not-an-email")).isFalse();
		}
	}

	@Test
	void anImportKilledHalfwayAndResumedEndsWithTheRowsOfAnUninterruptedOne() {
		try (TravlrSeed seed = new TravlrSeed(context.getEnvironment()).seed(3)) {
			ImportReport expected = run(seed, true, false);

			try (ImportSource dying = new DyingSource(TravlrSource.open(seed.uri), "trips", 3)) {
				assertThatThrownBy(() -> importer.run(dying, ImportMapping.builtIn("travlr.yml"), options(false, false),
						new PrintWriter(progress)))
					.hasMessageContaining("killed");
			}
			long importedBeforeKill = seed.codes.stream().filter(code -> catalog.findTrip(code).isPresent()).count();
			assertThat(importedBeforeKill).isEqualTo(2);

			ImportReport resumed = run(seed, false, true);
			assertThat(progress.toString()).contains("import: trips resuming after row 2 of 7");
			assertThat(counts(resumed, "trips")).containsExactly(7L, 7L, 0L, 0L);
			assertThat(counts(resumed, "users")).containsExactly(3L, 3L, 0L, 0L);
			assertThat(checksums(resumed)).isEqualTo(checksums(expected));
			assertThat(seed.codes).allSatisfy(code -> assertThat(catalog.findTrip(code)).isPresent());
			assertThat(seed.emails).allSatisfy(email -> assertThat(identity.userExists(email)).isTrue());
		}
	}

	@Test
	void theCommandLineDryRunUsesTheBuiltInMappingAndWritesNothing() throws Exception {
		try (TravlrSeed seed = new TravlrSeed(context.getEnvironment()).seed(2)) {
			CommandLineRuns.Result result = CommandLineRuns.run("import", "travlr", seed.uri, "--dry-run", "--json",
					"--rejects", dir.resolve("cli.csv").toString(), "--data-dir",
					context.getEnvironment().getRequiredProperty("getaways.data-dir"));

			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.out()).contains("\"dryRun\":true")
				.contains("\"entity\":\"users\",\"source\":2,\"inserted\":2")
				.contains("\"entity\":\"trips\",\"source\":7,\"inserted\":7");
			assertThat(result.out() + result.err()).doesNotContain(TravlrSeed.PASSWORD);
			assertThat(seed.codes).allSatisfy(code -> assertThat(catalog.findTrip(code)).isEmpty());
			assertThat(identity.userExists(seed.emails.get(0))).isFalse();
		}
	}

	@Test
	void anUnreachableSourceFailsInOneLineWithItsPasswordMaskedBeforeTheServiceStarts() {
		CommandLineRuns.Result result = CommandLineRuns.run("import", "travlr",
				"mongodb://travlr:s3cret-pw@127.0.0.1:1/travlr", "--data-dir",
				context.getEnvironment().getRequiredProperty("getaways.data-dir"));

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err().strip())
			.startsWith("import: cannot count users in travlr:mongodb://travlr:***@127.0.0.1:1")
			.doesNotContain("s3cret-pw")
			.doesNotContain("\n");
		// other contexts of this JVM log to the same console: no report, and no secret
		assertThat(result.out()).doesNotContain("s3cret-pw").doesNotContain("checksum");
	}

	private ImportReport run(TravlrSeed seed, boolean dryRun, boolean resume) {
		try (TravlrSource source = TravlrSource.open(seed.uri)) {
			return importer.run(source, ImportMapping.builtIn("travlr.yml"), options(dryRun, resume),
					new PrintWriter(progress));
		}
	}

	private ImportOptions options(boolean dryRun, boolean resume) {
		return new ImportOptions(dryRun, 2, resume, false, dir.resolve("rejects.csv"));
	}

	/** Source rows, inserted, skipped, rejected. */
	static List<Long> counts(ImportReport report, String entity) {
		Tally tally = report.entities().stream().filter(t -> t.entity.equals(entity)).findFirst().orElseThrow();
		return List.of(tally.sourceRows, tally.inserted, tally.skipped, tally.rejected);
	}

	static Map<String, String> checksums(ImportReport report) {
		return report.entities()
			.stream()
			.collect(java.util.stream.Collectors.toMap(tally -> tally.entity, Tally::checksum));
	}

	private String storedHash(String email) throws Exception {
		try (Connection connection = DriverManager.getConnection(TestStores.superuserUrl(context),
				TestStores.superuser(), null);
				PreparedStatement select = connection
					.prepareStatement("SELECT password_hash FROM app.users WHERE email = ?")) {
			select.setString(1, email);
			try (ResultSet row = select.executeQuery()) {
				assertThat(row.next()).isTrue();
				return row.getString(1);
			}
		}
	}

}
