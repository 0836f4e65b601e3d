package io.getaways.imports.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.getaways.support.TestTrips;

/**
 * A SQLite file of another booking system: customers with Travlr-style hashes, and tours
 * with money text, dates in their own format and a return date.
 */
final class SqliteSeed {

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
			      code: {from: code, convert: upper}
			      name: title
			      resort: resort
			      departs_at: {from: starts_on, convert: date, format: "dd.MM.yyyy"}
			      returns_at: {from: ends_on, convert: date, format: "dd.MM.yyyy"}
			      price: {from: price, convert: money}
			      capacity: {from: seats, convert: int}
			      description: blurb
			    defaults:
			      currency: USD
			      capacity: 16
			  - source: reservations
			    target: bookings
			    key: reference
			    fields:
			      reference: reference
			      user_email: {from: email, convert: lower}
			      trip_code: {from: tour_code, convert: upper}
			      seats: {from: seats, convert: int}
			      unit_price: {from: price, convert: money}
			      status: status
			      booked_at: {from: booked_at, convert: instant}
			""";

	final Path file;

	final String run = TestTrips.token(6);

	final List<String> codes = new ArrayList<>();

	final List<String> emails = new ArrayList<>();

	SqliteSeed(Path file) {
		this.file = file;
	}

	SqliteSeed create(int tours, int customers) throws SQLException {
		try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
				Statement ddl = sqlite.createStatement()) {
			ddl.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, full_name TEXT, salt TEXT, "
					+ "hash TEXT)");
			ddl.execute("CREATE TABLE tours (id INTEGER PRIMARY KEY, code TEXT, title TEXT, resort TEXT, "
					+ "starts_on TEXT, ends_on TEXT, price TEXT, seats, blurb TEXT)");
			ddl.execute(
					"CREATE TABLE reservations (id INTEGER PRIMARY KEY, reference TEXT, email TEXT, tour_code TEXT, "
							+ "seats, price TEXT, status TEXT, booked_at TEXT)");
			for (int i = 0; i < customers; i++) {
				String email = "sqlite-" + run.toLowerCase(Locale.ROOT) + "-" + i + "@example.com";
				emails.add(email);
				customer(sqlite, email.toUpperCase(Locale.ROOT), "Customer " + i);
			}
			for (int i = 0; i < tours; i++) {
				String code = "SQ" + run + i;
				codes.add(code);
				tour(sqlite, code.toLowerCase(Locale.ROOT), "Tour " + run + " " + i, "$1,250.00", "12", "01.03.2027",
						"08.03.2027");
			}
		}
		return this;
	}

	void customer(Connection sqlite, String email, String name) throws SQLException {
		org.bson.Document user = TravlrSeed.user(name, email, TravlrSeed.PASSWORD);
		try (PreparedStatement insert = sqlite
			.prepareStatement("INSERT INTO customers (email, full_name, salt, hash) VALUES (?, ?, ?, ?)")) {
			insert.setString(1, email);
			insert.setString(2, name);
			insert.setString(3, user.getString("salt"));
			insert.setString(4, user.getString("hash"));
			insert.executeUpdate();
		}
	}

	void tour(Connection sqlite, String code, String title, String price, Object seats, String startsOn, String endsOn)
			throws SQLException {
		try (PreparedStatement insert = sqlite.prepareStatement("INSERT INTO tours (code, title, resort, starts_on, "
				+ "ends_on, price, seats, blurb) VALUES (?, ?, 'Lakeside', ?, ?, ?, ?, '<p>By the lake</p>')")) {
			insert.setString(1, code);
			insert.setString(2, title);
			insert.setString(3, startsOn);
			insert.setString(4, endsOn);
			insert.setString(5, price);
			insert.setObject(6, seats);
			insert.executeUpdate();
		}
	}

	void reservation(Connection sqlite, String reference, String email, String tourCode, Object seats, String price,
			String status) throws SQLException {
		try (PreparedStatement insert = sqlite
			.prepareStatement("INSERT INTO reservations (reference, email, tour_code, "
					+ "seats, price, status, booked_at) VALUES (?, ?, ?, ?, ?, ?, '2026-10-01T09:30:00Z')")) {
			insert.setString(1, reference);
			insert.setString(2, email);
			insert.setString(3, tourCode);
			insert.setObject(4, seats);
			insert.setString(5, price);
			insert.setString(6, status);
			insert.executeUpdate();
		}
	}

	void execute(String sql) throws SQLException {
		try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
				Statement statement = sqlite.createStatement()) {
			statement.execute(sql);
		}
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection("jdbc:sqlite:" + file);
	}

}
