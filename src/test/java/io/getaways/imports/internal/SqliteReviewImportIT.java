package io.getaways.imports.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

import io.getaways.audit.AuditLog;
import io.getaways.catalog.Catalog;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static io.getaways.imports.internal.TravlrImportIT.checksums;
import static io.getaways.imports.internal.TravlrImportIT.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reviews of a SQLite source, one per booking reference, written as the booking's
 * traveller wrote them: the trip's rating follows; a booking not completed, an unknown
 * one and a rating out of 1..5 are rejected with reasons.
 */
@IntegrationTest
class SqliteReviewImportIT {

	@Autowired
	Importer importer;

	@Autowired
	Catalog catalog;

	@Autowired
	AuditLog auditLog;

	@TempDir
	Path dir;

	@Test
	void reviewsComeInForCompletedBookingsAndASecondRunChangesNothing() throws Exception {
		SqliteTargetsSeed seed = new SqliteTargetsSeed(dir.resolve("reviews.db")).create(1, 2);
		String tour = seed.base.codes.get(0);
		String ref = "V-" + seed.run() + "-";
		try (Connection sqlite = seed.base.connect()) {
			seed.base.reservation(sqlite, ref + 1, seed.base.emails.get(0), tour, 1, null, "CONFIRMED");
			seed.base.reservation(sqlite, ref + 2, seed.base.emails.get(1), tour, 1, null, "COMPLETED");
		}
		String columns = "booking_ref, stars, comment, written_at";
		String at = "2027-03-10T12:00:00Z";
		seed.insert("ratings", columns, ref + 2, 5, "Lovely lake", at);
		seed.insert("ratings", columns, ref + 1, 4, null, at);
		seed.insert("ratings", columns, ref + 2, 1, "again", at);
		seed.insert("ratings", columns, "NO-SUCH-BOOKING", 3, null, at);
		seed.insert("ratings", columns, ref + 9, 6, null, at);

		ImportReport dryRun = run(seed, true);
		assertThat(counts(dryRun, "ratings")).as("a booking's status is the target's to tell")
			.containsExactly(5L, 2L, 0L, 3L);
		assertThat(catalog.findTrip(tour)).as("a dry run writes nothing").isEmpty();

		ImportReport real = run(seed, false);
		String rejects = Files.readString(dir.resolve("rejects.csv"));
		assertThat(counts(real, "ratings")).as(rejects).containsExactly(5L, 1L, 0L, 4L);
		assertThat(Files.readAllLines(dir.resolve("rejects.csv"))).contains(
				"ratings," + ref
						+ "1,booking_reference: the booking is CONFIRMED; only a COMPLETED booking is reviewed",
				"ratings," + ref + "2,booking_ref: duplicate key in the source",
				"ratings,NO-SUCH-BOOKING,booking_reference: no imported booking has this reference; "
						+ "import bookings first",
				"ratings," + ref + "9,rating: must be between 1 and 5");
		// the review's event evicts the trip's cached copy after commit
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(catalog.findTrip(tour).orElseThrow().trip()).satisfies(trip -> {
				assertThat(trip.reviewCount()).isEqualTo(1);
				assertThat(trip.ratingAverage()).isEqualByComparingTo(BigDecimal.valueOf(5));
			}));
		assertThat(auditLog.verify().isIntact()).isTrue();

		ImportReport again = run(seed, false);
		assertThat(counts(again, "ratings")).containsExactly(5L, 0L, 1L, 4L);
		assertThat(checksums(again)).isEqualTo(checksums(real));
		assertThat(catalog.findTrip(tour).orElseThrow().trip().reviewCount()).isEqualTo(1);
	}

	private ImportReport run(SqliteTargetsSeed seed, boolean dryRun) {
		ImportMapping mapping = ImportMapping.parse(SqliteTargetsSeed.MAPPING, "test");
		try (JdbcSource source = JdbcSource.sqlite(seed.base.file, mapping)) {
			return importer.run(source, mapping, new ImportOptions(dryRun, 3, false, false, dir.resolve("rejects.csv")),
					new PrintWriter(new StringWriter()));
		}
	}

}
