import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Random;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The import scenario's source: a SQLite file of another booking system with customers, tours and bookings (one
 * customer per 10 bookings, one tour per 100), customers hashed as Travlr hashes, and a view of the bookings with the
 * email and tour code they refer to. One PBKDF2 hash serves every
 * customer: computing a million would measure this program, and the import never verifies them.
 *
 * <p>Usage: ImportData --file FILE --bookings N
 */
public final class ImportData {

	public static void main(String[] args) throws Exception {
		Path file = Path.of(option(args, "--file"));
		long bookings = Long.parseLong(option(args, "--bookings"));
		long customers = Math.max(1, bookings / 10);
		long tours = Math.max(1, bookings / 100);
		Files.deleteIfExists(file);
		String salt = "00112233445566778899aabbccddeeff";
		PBEKeySpec spec = new PBEKeySpec("bench password".toCharArray(), salt.getBytes(StandardCharsets.UTF_8), 1000,
				512);
		String hash = HexFormat.of()
			.formatHex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded());
		Random random = new Random(42);
		try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
				Statement ddl = sqlite.createStatement()) {
			ddl.execute("PRAGMA journal_mode = OFF");
			ddl.execute("PRAGMA synchronous = OFF");
			ddl.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL, full_name TEXT NOT NULL, "
					+ "salt TEXT NOT NULL, hash TEXT NOT NULL)");
			ddl.execute("CREATE TABLE tours (id INTEGER PRIMARY KEY, code TEXT NOT NULL, title TEXT NOT NULL, "
					+ "resort TEXT NOT NULL, starts_on TEXT NOT NULL, nights INTEGER NOT NULL, price TEXT NOT NULL, "
					+ "seats INTEGER NOT NULL, blurb TEXT)");
			ddl.execute("CREATE TABLE bookings (id INTEGER PRIMARY KEY, reference TEXT NOT NULL, customer_id INTEGER "
					+ "NOT NULL, tour_id INTEGER NOT NULL, seats INTEGER NOT NULL, total TEXT NOT NULL, "
					+ "booked_at TEXT NOT NULL)");
			sqlite.setAutoCommit(false);
			try (PreparedStatement insert = sqlite.prepareStatement("INSERT INTO customers VALUES (?, ?, ?, ?, ?)")) {
				for (long i = 1; i <= customers; i++) {
					insert.setLong(1, i);
					insert.setString(2, "bench-customer-" + i + "@example.test");
					insert.setString(3, "Customer " + i);
					insert.setString(4, salt);
					insert.setString(5, hash);
					batch(insert, i);
				}
				insert.executeBatch();
			}
			try (PreparedStatement insert = sqlite
				.prepareStatement("INSERT INTO tours VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				for (long i = 1; i <= tours; i++) {
					insert.setLong(1, i);
					insert.setString(2, String.format("BENCH%09d", i));
					insert.setString(3, "Bench tour " + i);
					insert.setString(4, "Resort " + (i % 97));
					insert.setString(5, String.format("2027-%02d-%02d", 1 + i % 12, 1 + i % 28));
					insert.setInt(6, 2 + (int) (i % 12));
					insert.setString(7, String.format("$%d.%02d", 200 + random.nextInt(3000), random.nextInt(100)));
					// room for every booking the random draw gives a tour (about 250 seats on average)
					insert.setInt(8, 1000);
					insert.setString(9, "<p>Bench tour " + i + ": sea, sand and a schedule.</p>");
					batch(insert, i);
				}
				insert.executeBatch();
			}
			try (PreparedStatement insert = sqlite.prepareStatement("INSERT INTO bookings VALUES (?, ?, ?, ?, ?, ?, ?)")) {
				for (long i = 1; i <= bookings; i++) {
					insert.setLong(1, i);
					insert.setString(2, String.format("BK%010d", i));
					insert.setLong(3, 1 + random.nextLong(customers));
					insert.setLong(4, 1 + random.nextLong(tours));
					insert.setInt(5, 1 + random.nextInt(4));
					insert.setString(6, String.format("$%d.00", 200 + random.nextInt(5000)));
					insert.setString(7, "2026-11-01T10:00:00Z");
					batch(insert, i);
				}
				insert.executeBatch();
			}
			sqlite.commit();
			sqlite.setAutoCommit(true);
			// the import reads bookings with the email and code they refer to, as a mapping expects
			ddl.execute("CREATE VIEW booking_rows AS SELECT b.id, b.reference, c.email, t.code AS tour_code, b.seats, "
					+ "b.booked_at FROM bookings b JOIN customers c ON c.id = b.customer_id JOIN tours t ON t.id = b.tour_id");
		}
		System.out.printf("{\"customers\":%d,\"tours\":%d,\"bookings\":%d}%n", customers, tours, bookings);
	}

	private static void batch(PreparedStatement insert, long i) throws Exception {
		insert.addBatch();
		if (i % 10_000 == 0) {
			insert.executeBatch();
		}
	}

	private static String option(String[] args, String name) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		throw new IllegalArgumentException("missing " + name);
	}

}
