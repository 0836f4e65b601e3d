package booking;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One book-and-pay cycle over the raw drivers: the store work the service does for {@code POST /api/v1/bookings} and
 * {@code POST /api/v1/bookings/{id}/pay}, in the order it does it, without HTTP, JSON, security or Spring. Each request
 * starts with the token's deny-list lookup in Redis; the SQL is {@link BookTransaction} and {@link PayTransaction}
 * with their outbox rows and state marks; the MongoDB and other Redis work is {@link RawStores}.
 */
final class RawCycle {

	private static final Pattern JTI = Pattern.compile("\"jti\"\\s*:\\s*\"([^\"]+)\"");

	private final Database db;
	private final RawStores stores;
	private final OutboxMarks marks;

	RawCycle(Database db, RawStores stores, OutboxMarks marks) {
		this.db = db;
		this.stores = stores;
		this.marks = marks;
	}

	/** Book then pay; returns the nanosecond instant between the two. */
	long run(Connection tx, Traveller traveller, String trip) throws SQLException {
		String jti = jti(traveller);
		UUID bookingId;
		try {
			stores.checkToken(jti);
			bookingId = BookTransaction.run(db, tx, marks, traveller, trip);
			stores.tripChanged(trip);
			stores.bookingPlaced(traveller.userId(), bookingId, trip);
		}
		catch (SQLException ex) {
			tx.rollback();
			throw ex;
		}
		long afterBook = System.nanoTime();
		try {
			stores.checkToken(jti);
			PayTransaction.run(db, tx, null, marks, traveller, bookingId, trip);
			stores.bookingConfirmed(traveller.userId(), bookingId, trip);
		}
		catch (SQLException ex) {
			tx.rollback();
			throw ex;
		}
		return afterBook;
	}

	/** The token id the deny-list is asked about, from the access token's claims. */
	static String jti(Traveller traveller) {
		String[] parts = traveller.token().split("\\.");
		if (parts.length < 2) {
			return traveller.userId().toString();
		}
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		var matcher = JTI.matcher(claims);
		return matcher.find() ? matcher.group(1) : traveller.userId().toString();
	}
}
