package io.getaways.imports.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import io.getaways.audit.AuditLog;
import io.getaways.catalog.Catalog;
import io.getaways.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static io.getaways.imports.internal.TravlrImportIT.checksums;
import static io.getaways.imports.internal.TravlrImportIT.counts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bookings of a SQLite source, by reference, after the users and trips they refer to:
 * seats taken as the booking module takes them, history kept, references checked.
 */
@IntegrationTest
class SqliteBookingImportIT {

	@Autowired
	Importer importer;

	@Autowired
	Catalog catalog;

	@Autowired
	AuditLog auditLog;

	@TempDir
	Path dir;

	@Test
	void bookingsComeInByReferenceTakingSeatsAndASecondRunChangesNothing() throws Exception {
		SqliteSeed seed = new SqliteSeed(dir.resolve("bookings.db")).create(2, 2);
		String first = seed.codes.get(0);
		String second = seed.codes.get(1);
		String ref = "R-" + seed.run + "-";
		try (Connection sqlite = seed.connect()) {
			seed.reservation(sqlite, ref + 1, seed.emails.get(0), first, 2, "$1,100.00", "CONFIRMED");
			seed.reservation(sqlite, ref + 2, seed.emails.get(1), first, 1, null, "cancelled");
			seed.reservation(sqlite, ref + 3, seed.emails.get(1), second, 3, null, "COMPLETED");
			seed.reservation(sqlite, ref + 4, "nobody@example.com", first, 1, null, null);
			seed.reservation(sqlite, ref + 5, seed.emails.get(0), "NOSUCHTRIP1", 1, null, null);
			seed.reservation(sqlite, ref + 6, seed.emails.get(0), second, 50, null, null);
			seed.reservation(sqlite, ref + 7, seed.emails.get(0), second, 1, null, "PENDING");
			seed.reservation(sqlite, ref + 1, seed.emails.get(1), second, 1, null, null);
		}

		ImportReport dryRun = run(seed, true);
		assertThat(counts(dryRun, "reservations")).as("seats are counted only by the real run")
			.containsExactly(8L, 4L, 0L, 4L);

		ImportReport real = run(seed, false);
		assertThat(counts(real, "reservations")).as(Files.readString(dir.resolve("rejects.csv")))
			.containsExactly(8L, 3L, 0L, 5L);
		assertThat(catalog.findTrip(first)).hasValueSatisfying(
				trip -> assertThat(trip.trip().seatsBooked()).as("a cancelled booking holds no seats").isEqualTo(2));
		assertThat(catalog.findTrip(second))
			.hasValueSatisfying(trip -> assertThat(trip.trip().seatsBooked()).isEqualTo(3));
		assertThat(Files.readAllLines(dir.resolve("rejects.csv")))
			.contains("reservations," + ref + "4,user_email: no account has this email; import users first",
					"reservations," + ref + "5,trip_code: no trip has this code; import trips first",
					"reservations," + ref + "7,\"status: must be CONFIRMED, COMPLETED or CANCELLED\"",
					"reservations," + ref + "1,reference: duplicate key in the source")
			.anySatisfy(line -> assertThat(line).startsWith("reservations," + ref + "6,").contains(second));
		assertThat(auditLog.verify().isIntact()).isTrue();

		ImportReport again = run(seed, false);
		assertThat(counts(again, "reservations")).containsExactly(8L, 0L, 3L, 5L);
		assertThat(checksums(again)).isEqualTo(checksums(real));
		assertThat(catalog.findTrip(first))
			.hasValueSatisfying(trip -> assertThat(trip.trip().seatsBooked()).isEqualTo(2));
	}

	private ImportReport run(SqliteSeed seed, boolean dryRun) {
		ImportMapping mapping = ImportMapping.parse(SqliteSeed.MAPPING, "test");
		try (JdbcSource source = JdbcSource.sqlite(seed.file, mapping)) {
			return importer.run(source, mapping, new ImportOptions(dryRun, 3, false, false, dir.resolve("rejects.csv")),
					new PrintWriter(new StringWriter()));
		}
	}

}
