package io.getaways.imports.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;

import io.getaways.support.IntegrationTest;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static io.getaways.imports.internal.TravlrImportIT.checksums;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's target checksum: the accepted rows read back from PostgreSQL in the source
 * checksum's canonical form. Equal to the source's after an import; a target row changed
 * afterwards shows in the next run's target checksum, while the source's stays.
 */
@IntegrationTest
class ImportChecksumIT {

	@Autowired
	Importer importer;

	@Autowired
	ApplicationContext context;

	@TempDir
	Path dir;

	@Test
	void theTargetChecksumEqualsTheSourcesAndShowsARowChangedAfterwards() throws Exception {
		SqliteSeed seed = new SqliteSeed(dir.resolve("checked.db")).create(2, 2);
		String ref = "C-" + seed.run + "-";
		try (Connection sqlite = seed.connect()) {
			seed.reservation(sqlite, ref + 1, seed.emails.get(0), seed.codes.get(0), 2, "$1,100.50", "CONFIRMED");
			seed.reservation(sqlite, ref + 2, seed.emails.get(1), seed.codes.get(0), 1, null, "CANCELLED");
			seed.reservation(sqlite, ref + 3, seed.emails.get(1), seed.codes.get(1), 1, null, "COMPLETED");
			seed.reservation(sqlite, ref + 4, "nobody@example.com", seed.codes.get(1), 1, null, null);
		}

		ImportReport first = run(seed);

		assertThat(first.entities()).allSatisfy(tally -> {
			assertThat(tally.readsBack).as(tally.entity).isTrue();
			assertThat(tally.targetChecksum()).as(tally.entity).isEqualTo(tally.checksum());
		});
		assertThat(first.entities()).allSatisfy(tally -> assertThat(tally.checksum()).isNotEqualTo("0".repeat(64)));
		assertThat(first.json()).contains("\"targetChecksum\":\"" + first.entities().get(0).checksum() + "\"");

		ImportReport unchanged = run(seed);
		assertThat(targetChecksums(unchanged)).as("a re-run reads the same rows back")
			.isEqualTo(targetChecksums(first));

		try (Connection postgres = DriverManager.getConnection(TestStores.superuserUrl(context), TestStores.superuser(),
				null); Statement sql = postgres.createStatement()) {
			sql.executeUpdate("UPDATE app.users SET name = 'Someone Else' WHERE email = '" + seed.emails.get(0) + "'");
			sql.executeUpdate("UPDATE app.trips SET capacity = capacity + 1 WHERE code = '" + seed.codes.get(1) + "'");
			// a move the state machine allows, but not what the source says
			sql.executeUpdate("UPDATE app.bookings SET status = 'CANCELLED', cancelled_at = now(), "
					+ "cancellation_reason = 'ADMIN' WHERE id = (SELECT target_id FROM app.import_references "
					+ "WHERE entity = 'bookings' AND source_key = '" + ref + "1')");
		}

		ImportReport after = run(seed);

		assertThat(checksums(after)).as("the source did not change").isEqualTo(checksums(first));
		assertThat(after.entities()).allSatisfy(tally -> assertThat(tally.targetChecksum()).as(tally.entity)
			.isNotEqualTo(tally.checksum())
			.isNotEqualTo(targetChecksums(first).get(tally.entity)));
	}

	private static Map<String, String> targetChecksums(ImportReport report) {
		return report.entities().stream().collect(Collectors.toMap(tally -> tally.entity, Tally::targetChecksum));
	}

	private ImportReport run(SqliteSeed seed) {
		ImportMapping mapping = ImportMapping.parse(SqliteSeed.MAPPING, "test");
		try (JdbcSource source = JdbcSource.sqlite(seed.file, mapping)) {
			return importer.run(source, mapping, new ImportOptions(false, 3, false, false, dir.resolve("rejects.csv")),
					new PrintWriter(new StringWriter()));
		}
	}

}
