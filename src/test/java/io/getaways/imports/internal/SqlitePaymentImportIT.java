package io.getaways.imports.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import io.getaways.audit.AuditLog;
import io.getaways.support.IntegrationTest;
import io.getaways.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static io.getaways.imports.internal.TravlrImportIT.checksums;
import static io.getaways.imports.internal.TravlrImportIT.counts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments of a SQLite source, by the source's payment id, for bookings imported before
 * by their reference: recorded as they were (no gateway), one capture per booking, an
 * unknown booking and a currency other than the booking's rejected with reasons.
 */
@IntegrationTest
class SqlitePaymentImportIT {

	@Autowired
	Importer importer;

	@Autowired
	AuditLog auditLog;

	@Autowired
	ApplicationContext context;

	@TempDir
	Path dir;

	@Test
	void paymentsComeInForImportedBookingsAndASecondRunChangesNothing() throws Exception {
		SqliteTargetsSeed seed = new SqliteTargetsSeed(dir.resolve("payments.db")).create(1, 1);
		String tour = seed.base.codes.get(0);
		String ref = "P-" + seed.run() + "-";
		String charge = "CH-" + seed.run() + "-";
		try (Connection sqlite = seed.base.connect()) {
			seed.base.reservation(sqlite, ref + 1, seed.base.emails.get(0), tour, 2, null, "CONFIRMED");
		}
		String columns = "charge_id, booking_ref, amount, status, note, paid_at";
		String at = "2026-10-01T09:31:00Z";
		seed.insert("charges", columns, charge + 1, ref + 1, "$2,500.00", "captured", null, at);
		seed.insert("charges", columns, charge + 2, ref + 1, "$2,500.00", "FAILED", "card declined", at);
		seed.insert("charges", columns, charge + 3, "NO-SUCH-BOOKING", "$10.00", null, null, at);
		seed.insert("charges", columns, charge + 4, ref + 1, "$2,500.00", "CAPTURED", null, at);
		seed.insert("charges", columns, charge + 5, ref + 1, "EUR 25", "FAILED", null, at);
		seed.insert("charges", columns, charge + 6, ref + 1, "$0.00", "FAILED", null, at);

		ImportReport dryRun = run(seed, true);
		assertThat(counts(dryRun, "charges")).as("one capture per booking is the database's to tell")
			.containsExactly(6L, 4L, 0L, 2L);
		assertThat(payments(charge)).as("a dry run writes nothing").isEmpty();

		ImportReport real = run(seed, false);
		String rejects = Files.readString(dir.resolve("rejects.csv"));
		assertThat(counts(real, "charges")).as(rejects).containsExactly(6L, 2L, 0L, 4L);
		assertThat(Files.readAllLines(dir.resolve("rejects.csv")))
			.contains(
					"charges," + charge + "3,booking_reference: no imported booking has this reference; "
							+ "import bookings first",
					"charges," + charge + "5,currency: must be the booking's currency USD",
					"charges," + charge + "6,amount: must be more than zero")
			.anySatisfy(line -> assertThat(line).startsWith("charges," + charge + "4,")
				.contains("payments_one_capture_per_booking"));
		assertThat(payments(charge)).containsExactly("CAPTURED 2500.00 USD " + charge + "1",
				"FAILED 2500.00 USD " + charge + "2");
		assertThat(auditLog.verify().isIntact()).isTrue();

		ImportReport again = run(seed, false);
		assertThat(counts(again, "charges")).containsExactly(6L, 0L, 2L, 4L);
		assertThat(checksums(again)).isEqualTo(checksums(real));
		assertThat(payments(charge)).hasSize(2);
	}

	/** The imported payments of this run, as the table holds them. */
	private List<String> payments(String charge) throws Exception {
		try (Connection connection = DriverManager.getConnection(TestStores.superuserUrl(context),
				TestStores.superuser(), null); PreparedStatement select = connection.prepareStatement("""
						SELECT p.status, p.amount, p.currency, p.gateway_reference
						FROM app.payments p
						JOIN app.import_references r ON r.entity = 'payments' AND r.target_id = p.id
						WHERE r.source_key LIKE ?
						ORDER BY r.source_key""")) {
			select.setString(1, charge + "%");
			List<String> rows = new ArrayList<>();
			try (ResultSet row = select.executeQuery()) {
				while (row.next()) {
					rows.add(String.join(" ", row.getString(1), row.getBigDecimal(2).setScale(2).toPlainString(),
							row.getString(3), row.getString(4)));
				}
			}
			return rows;
		}
	}

	private ImportReport run(SqliteTargetsSeed seed, boolean dryRun) {
		ImportMapping mapping = ImportMapping.parse(SqliteTargetsSeed.MAPPING, "test");
		try (JdbcSource source = JdbcSource.sqlite(seed.base.file, mapping)) {
			return importer.run(source, mapping, new ImportOptions(dryRun, 4, false, false, dir.resolve("rejects.csv")),
					new PrintWriter(new StringWriter()));
		}
	}

}
