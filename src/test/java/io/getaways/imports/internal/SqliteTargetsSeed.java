package io.getaways.imports.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A SQLite file of a booking system that also rents lodges and keeps charges and ratings:
 * {@link SqliteSeed}'s customers, tours and reservations, plus lodges, lodge bookings,
 * charges and ratings, with the mapping for all of them.
 */
final class SqliteTargetsSeed {

	static final String MAPPING = SqliteSeed.MAPPING + """
			  - source: lodges
			    target: stays
			    key: code
			    fields:
			      code: {from: code, convert: upper}
			      name: title
			      country: country
			      city: city
			      price_per_night: {from: nightly, convert: money}
			      max_guests: {from: sleeps, convert: int}
			      description: blurb
			  - source: lodge_bookings
			    target: stay_bookings
			    key: reference
			    fields:
			      reference: reference
			      user_email: {from: email, convert: lower}
			      stay_code: {from: lodge_code, convert: upper}
			      check_in: {from: arrive, convert: date, format: "yyyy-MM-dd"}
			      check_out: {from: depart, convert: date, format: "yyyy-MM-dd"}
			      guests: {from: guests, convert: int}
			      status: status
			      booked_at: {from: booked_at, convert: instant}
			  - source: charges
			    target: payments
			    key: charge_id
			    fields:
			      payment_reference: charge_id
			      booking_reference: booking_ref
			      amount: {from: amount, convert: money}
			      status: status
			      failure_reason: note
			      paid_at: {from: paid_at, convert: instant}
			  - source: ratings
			    target: reviews
			    key: booking_ref
			    fields:
			      booking_reference: booking_ref
			      rating: {from: stars, convert: int}
			      text: comment
			      reviewed_at: {from: written_at, convert: instant}
			""";

	final SqliteSeed base;

	SqliteTargetsSeed(Path file) {
		this.base = new SqliteSeed(file);
	}

	SqliteTargetsSeed create(int tours, int customers) throws SQLException {
		base.create(tours, customers);
		try (Connection sqlite = base.connect(); Statement ddl = sqlite.createStatement()) {
			ddl.execute("CREATE TABLE lodges (id INTEGER PRIMARY KEY, code TEXT, title TEXT, country TEXT, city TEXT, "
					+ "nightly TEXT, sleeps, blurb TEXT)");
			ddl.execute("CREATE TABLE lodge_bookings (id INTEGER PRIMARY KEY, reference TEXT, email TEXT, "
					+ "lodge_code TEXT, arrive TEXT, depart TEXT, guests, status TEXT, booked_at TEXT)");
			ddl.execute("CREATE TABLE charges (id INTEGER PRIMARY KEY, charge_id TEXT, booking_ref TEXT, amount TEXT, "
					+ "status TEXT, note TEXT, paid_at TEXT)");
			ddl.execute("CREATE TABLE ratings (id INTEGER PRIMARY KEY, booking_ref TEXT, stars, comment TEXT, "
					+ "written_at TEXT)");
		}
		return this;
	}

	String run() {
		return base.run;
	}

	void insert(String table, String columns, Object... values) throws SQLException {
		String marks = String.join(", ", java.util.Collections.nCopies(values.length, "?"));
		try (Connection sqlite = base.connect();
				PreparedStatement insert = sqlite
					.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
			for (int i = 0; i < values.length; i++) {
				insert.setObject(i + 1, values[i]);
			}
			insert.executeUpdate();
		}
	}

	void lodge(String code, String nightly, Object sleeps) throws SQLException {
		insert("lodges", "code, title, country, city, nightly, sleeps, blurb", code, "Lodge " + code, "Norway",
				"Tromso", nightly, sleeps, "<p>Northern lights</p>");
	}

	void lodgeBooking(String reference, String email, String lodge, String arrive, String depart, String status)
			throws SQLException {
		insert("lodge_bookings", "reference, email, lodge_code, arrive, depart, guests, status, booked_at", reference,
				email, lodge, arrive, depart, 2, status, "2026-09-01T10:00:00Z");
	}

}
