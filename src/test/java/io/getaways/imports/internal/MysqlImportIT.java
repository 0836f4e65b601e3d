package io.getaways.imports.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.getaways.audit.AuditEntry;
import io.getaways.audit.AuditLog;
import io.getaways.audit.AuditQuery;
import io.getaways.catalog.Catalog;
import io.getaways.identity.Identity;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestTrips;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static io.getaways.imports.internal.TravlrImportIT.checksums;
import static io.getaways.imports.internal.TravlrImportIT.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MySQL/MariaDB through MariaDB Connector/J against a real server: the test's own
 * {@code mariadbd}, or the one {@code -Dgetaways.test.mysql-url} names.
 */
@IntegrationTest
class MysqlImportIT {

	static final String MAPPING = """
			entities:
			  - source: customers
			    target: users
			    key: email
			    fields:
			      email: {from: email, convert: lower}
			      name: full_name
			      password_salt: salt
			      password_hash: hash
			  - source: tours
			    target: trips
			    key: code
			    fields:
			      code: code
			      name: title
			      resort: resort
			      departs_at: {from: starts_on, convert: date}
			      returns_at: {from: ends_on, convert: date}
			      price: {from: price, convert: money}
			      currency: currency
			      capacity: {from: seats, convert: int}
			""";

	private static ScratchMariaDb mariadb;

	@Autowired
	Importer importer;

	@Autowired
	Catalog catalog;

	@Autowired
	Identity identity;

	@Autowired
	AuditLog auditLog;

	@TempDir
	Path dir;

	private final StringWriter progress = new StringWriter();

	private final String run = TestTrips.token(6);

	@BeforeAll
	static void startMariaDb() throws Exception {
		Assumptions.assumeTrue(ScratchMariaDb.available(),
				"no mariadbd at /usr/sbin and no -D" + ScratchMariaDb.EXTERNAL_URL);
		mariadb = ScratchMariaDb.start();
		mariadb.execute("CREATE TABLE " + mariadb.database + ".customers (id INT AUTO_INCREMENT PRIMARY KEY, "
				+ "email VARCHAR(300), full_name VARCHAR(200), salt VARCHAR(64), hash VARCHAR(128))");
		mariadb.execute("CREATE TABLE " + mariadb.database + ".tours (code VARCHAR(40) PRIMARY KEY, title "
				+ "VARCHAR(200), resort VARCHAR(200), starts_on DATE, ends_on DATE, price DECIMAL(10,2), "
				+ "currency CHAR(3), seats VARCHAR(10))");
	}

	@AfterAll
	static void stopMariaDb() throws Exception {
		if (mariadb != null) {
			mariadb.close();
		}
	}

	@Test
	void aMariaDbDatabaseIsImportedCheckedAndASecondRunChangesNothing() throws Exception {
		List<String> codes = tours(3, "P");
		String email = "mysql-" + run.toLowerCase(Locale.ROOT) + "@example.com";
		customer(email);
		String backwards = "B" + run + "X";
		String negative = "N" + run + "X";
		try (Connection connection = mariadb.connect()) {
			tour(connection, backwards, "2027-05-10", "2027-05-01", "100.00", "10");
			tour(connection, negative, "2027-05-01", "2027-05-08", "-1.00", "10");
		}

		ImportReport dryRun = run(true, false);
		assertThat(countsOf(dryRun)).containsExactly(5L, 3L, 0L, 2L);
		assertThat(catalog.findTrip(codes.get(0))).isEmpty();

		ImportReport first = run(false, false);
		assertThat(first.source()).isEqualTo("mysql:" + mariadb.url().replaceFirst("password=[^&]*", "password=***"))
			.doesNotContain("not-shown");
		assertThat(countsOf(first)).containsExactly(5L, 3L, 0L, 2L);
		assertThat(checksums(first)).isEqualTo(checksums(dryRun));
		assertThat(catalog.findTrip(codes.get(0))).hasValueSatisfying(trip -> {
			assertThat(trip.trip().currency()).isEqualTo("EUR");
			assertThat(trip.trip().nights()).isEqualTo(7);
			assertThat(trip.trip().departsAt()).hasToString("2027-05-01T00:00:00Z");
		});
		assertThat(catalog.findTrip(backwards)).isEmpty();
		assertThat(identity.userExists(email)).isTrue();
		assertThat(Files.readString(dir.resolve("rejects.csv")))
			.contains("tours," + backwards + ",returns_at: must be after departs_at")
			.contains("tours," + negative + ",price: must not be negative");
		List<AuditEntry> audit = auditLog.search(new AuditQuery("app.trips", codes.get(0), null, null, null, 0, 5))
			.items();
		assertThat(audit).extracting(AuditEntry::actor).containsOnly("import:" + first.source());
		assertThat(auditLog.verify().isIntact()).isTrue();

		ImportReport second = run(false, false);
		assertThat(countsOf(second)).containsExactly(5L, 0L, 3L, 2L);
		assertThat(checksums(second)).isEqualTo(checksums(first));
		mariadb.execute("DELETE FROM " + mariadb.database + ".tours");
		mariadb.execute("DELETE FROM " + mariadb.database + ".customers");
	}

	@Test
	void anImportKilledHalfwayAndResumedEndsWithTheRowsOfAnUninterruptedOne() throws Exception {
		List<String> codes = tours(7, "R");
		ImportReport expected = run(true, false);
		ImportMapping mapping = ImportMapping.parse(MAPPING, "test");

		try (ImportSource dying = new DyingSource(JdbcSource.mysql(mariadb.url(), mapping), "tours", 3)) {
			assertThatThrownBy(() -> importer.run(dying, mapping, options(false, false), new PrintWriter(progress)))
				.hasMessageContaining("killed");
		}
		assertThat(codes.stream().filter(code -> catalog.findTrip(code).isPresent())).hasSize(2);

		ImportReport resumed = run(false, true);
		assertThat(countsOf(resumed)).containsExactly(7L, 7L, 0L, 0L);
		assertThat(checksums(resumed)).isEqualTo(checksums(expected));
		assertThat(codes).allSatisfy(code -> assertThat(catalog.findTrip(code)).isPresent());
		mariadb.execute("DELETE FROM " + mariadb.database + ".tours");
	}

	private List<String> tours(int count, String prefix) throws Exception {
		List<String> codes = new ArrayList<>();
		try (Connection connection = mariadb.connect()) {
			for (int i = 0; i < count; i++) {
				String code = prefix + run + i;
				codes.add(code);
				tour(connection, code, "2027-05-01", "2027-05-08", "640.00", "18");
			}
		}
		return codes;
	}

	private void tour(Connection connection, String code, String starts, String ends, String price, String seats)
			throws Exception {
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tours (code, title, resort, "
				+ "starts_on, ends_on, price, currency, seats) VALUES (?, ?, 'Hill Lodge', ?, ?, ?, 'EUR', ?)")) {
			insert.setString(1, code);
			insert.setString(2, "Tour " + code);
			insert.setDate(3, java.sql.Date.valueOf(starts));
			insert.setDate(4, java.sql.Date.valueOf(ends));
			insert.setBigDecimal(5, new java.math.BigDecimal(price));
			insert.setString(6, seats);
			insert.executeUpdate();
		}
	}

	private void customer(String email) throws Exception {
		org.bson.Document user = TravlrSeed.user("MySQL Customer", email, TravlrSeed.PASSWORD);
		try (Connection connection = mariadb.connect();
				PreparedStatement insert = connection
					.prepareStatement("INSERT INTO customers (email, full_name, salt, hash) VALUES (?, ?, ?, ?)")) {
			insert.setString(1, email);
			insert.setString(2, "MySQL Customer");
			insert.setString(3, user.getString("salt"));
			insert.setString(4, user.getString("hash"));
			insert.executeUpdate();
		}
	}

	private static List<Long> countsOf(ImportReport report) {
		return counts(report, "tours");
	}

	private ImportReport run(boolean dryRun, boolean resume) {
		ImportMapping mapping = ImportMapping.parse(MAPPING, "test");
		try (JdbcSource source = JdbcSource.mysql(mariadb.url(), mapping)) {
			return importer.run(source, mapping, options(dryRun, resume), new PrintWriter(progress));
		}
	}

	private ImportOptions options(boolean dryRun, boolean resume) {
		return new ImportOptions(dryRun, 2, resume, false, dir.resolve("rejects.csv"));
	}

}
