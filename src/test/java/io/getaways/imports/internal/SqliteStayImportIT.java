package io.getaways.imports.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.getaways.audit.AuditEntry;
import io.getaways.audit.AuditLog;
import io.getaways.audit.AuditQuery;
import io.getaways.catalog.Catalog;
import io.getaways.support.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static io.getaways.imports.internal.TravlrImportIT.checksums;
import static io.getaways.imports.internal.TravlrImportIT.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stays and their bookings from a SQLite source: stays through the catalog (content in
 * MongoDB through the outbox), stay bookings by reference, nights that overlap another
 * booking of the stay refused by the exclusion constraint and rejected with a reason.
 */
@IntegrationTest
class SqliteStayImportIT {

	@Autowired
	Importer importer;

	@Autowired
	Catalog catalog;

	@Autowired
	AuditLog auditLog;

	@Autowired
	MongoTemplate mongo;

	@TempDir
	Path dir;

	@Test
	void staysAndTheirBookingsComeInOverlapsAreRejectedAndASecondRunChangesNothing() throws Exception {
		SqliteTargetsSeed seed = new SqliteTargetsSeed(dir.resolve("stays.db")).create(1, 2);
		String lodge = "LG" + seed.run();
		String first = seed.base.emails.get(0);
		String second = seed.base.emails.get(1);
		String ref = "S-" + seed.run() + "-";
		seed.lodge(lodge.toLowerCase(), "NOK 1,200.00", 4);
		seed.lodge("LZ" + seed.run(), "$90.00", 0);
		seed.lodge(lodge, "$95.00", 4);
		seed.lodgeBooking(ref + 1, first, lodge, "2027-06-01", "2027-06-05", "CONFIRMED");
		seed.lodgeBooking(ref + 2, second, lodge, "2027-06-03", "2027-06-07", "CONFIRMED");
		seed.lodgeBooking(ref + 3, second, lodge, "2027-06-05", "2027-06-08", "COMPLETED");
		seed.lodgeBooking(ref + 4, first, "NOSUCHLODGE", "2027-06-01", "2027-06-02", null);
		seed.lodgeBooking(ref + 5, first, lodge, "2027-07-03", "2027-07-01", null);

		ImportReport dryRun = run(seed, true);
		assertThat(counts(dryRun, "lodges")).containsExactly(3L, 1L, 0L, 2L);
		assertThat(counts(dryRun, "lodge_bookings")).as("the exclusion constraint speaks only in the real run")
			.containsExactly(5L, 3L, 0L, 2L);
		assertThat(catalog.takenStayCodes(java.util.List.of(lodge))).as("a dry run writes nothing").isEmpty();

		ImportReport real = run(seed, false);
		String rejects = Files.readString(dir.resolve("rejects.csv"));
		assertThat(counts(real, "lodges")).as(rejects).containsExactly(3L, 1L, 0L, 2L);
		assertThat(counts(real, "lodge_bookings")).as(rejects).containsExactly(5L, 2L, 0L, 3L);
		assertThat(Files.readAllLines(dir.resolve("rejects.csv"))).contains(
				"lodges,LZ" + seed.run() + ",max_guests: must be between 1 and 50",
				"lodges," + lodge + ",code: duplicate key in the source",
				"lodge_bookings," + ref + "2,check_in: the nights 2027-06-03 to 2027-06-07 overlap another booking "
						+ "of stay " + lodge + " (refused by the exclusion constraint)",
				"lodge_bookings," + ref + "4,stay_code: no stay has this code; import stays first",
				"lodge_bookings," + ref + "5,check_out: must be 1 to 365 nights after check_in");
		assertThat(catalog.takenStayCodes(java.util.List.of(lodge))).containsExactly(lodge);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Document content = mongo.findById(lodge, Document.class, "stay_content");
			assertThat(content).isNotNull();
			assertThat(content.getString("description")).contains("Northern lights");
		});
		assertThat(auditLog.search(new AuditQuery("app.stays", lodge, null, null, null, 0, 10)).items())
			.extracting(AuditEntry::actor)
			.containsOnly("import:sqlite:" + seed.base.file.toAbsolutePath());
		assertThat(auditLog.verify().isIntact()).isTrue();

		ImportReport again = run(seed, false);
		assertThat(counts(again, "lodges")).containsExactly(3L, 0L, 1L, 2L);
		assertThat(counts(again, "lodge_bookings")).containsExactly(5L, 0L, 2L, 3L);
		assertThat(checksums(again)).isEqualTo(checksums(real));
	}

	private ImportReport run(SqliteTargetsSeed seed, boolean dryRun) {
		ImportMapping mapping = ImportMapping.parse(SqliteTargetsSeed.MAPPING, "test");
		try (JdbcSource source = JdbcSource.sqlite(seed.base.file, mapping)) {
			return importer.run(source, mapping, new ImportOptions(dryRun, 2, false, false, dir.resolve("rejects.csv")),
					new PrintWriter(new StringWriter()));
		}
	}

}
