package booking;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The statements of {@code POST /api/v1/bookings} as the service sends them (read from its source and checked against
 * pg_stat_statements): the transaction context, the conditional seat update that also locks the trip row and reads
 * its booking facts (the service reads the trip again only when the update refuses), the booking insert and one
 * outbox row per event listener (three: the trip's cache eviction and search listing, the booking metrics),
 * commit. Six outbox rows per cycle in all, as counted in app.event_publication after a run through the API.
 */
final class BookTransaction {

	static final String RESERVE_ON_TRIP = """
			UPDATE app.trips
			SET seats_booked = seats_booked + ?
			WHERE code = ?
			  AND status = 'ACTIVE'
			  AND departs_at > now()
			  AND seats_booked + ? <= capacity
			RETURNING id, code, departs_at, nights, price_per_person, currency, capacity, seats_booked, status""";

	static final String BOOKING_COLUMNS = """
			b.id, b.user_id, b.status, b.trip_id, b.stay_id, b.seats, b.guests,
			lower(b.stay_dates) AS check_in, upper(b.stay_dates) AS check_out, b.starts_at, b.ends_at,
			b.unit_price, b.quantity, b.total_amount, b.currency, b.hold_expires_at, b.created_at, b.updated_at,
			b.confirmed_at, b.completed_at, b.cancelled_at, b.cancellation_reason, b.refund_amount,
			(SELECT t.code FROM app.trips t WHERE t.id = b.trip_id) AS trip_code,
			(SELECT s.code FROM app.stays s WHERE s.id = b.stay_id) AS stay_code,
			coalesce(b.hold_expires_at <= now(), false) AS hold_expired, b.starts_at <= now() AS started""";

	static final String INSERT_BOOKING = """
			INSERT INTO app.bookings AS b
			  (user_id, trip_id, seats, starts_at, ends_at, unit_price, quantity, total_amount, currency,
			   hold_expires_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now() + ? * interval '1 millisecond')
			RETURNING""" + " " + BOOKING_COLUMNS;

	private BookTransaction() {
	}

	/** The id of the booking placed. */
	static UUID run(Database db, Connection tx, OutboxMarks marks, Traveller traveller, String trip)
			throws SQLException {
		db.begin(tx, db.customerRole(), traveller.userId().toString(), "bench@example.com");
		long tripId;
		Timestamp departs;
		BigDecimal price;
		try (PreparedStatement reserve = tx.prepareStatement(RESERVE_ON_TRIP)) {
			reserve.setInt(1, 1);
			reserve.setString(2, trip);
			reserve.setInt(3, 1);
			try (ResultSet row = reserve.executeQuery()) {
				if (!row.next()) {
					throw new IllegalStateException("Trip " + trip + " refused a seat");
				}
				tripId = row.getLong("id");
				departs = row.getTimestamp("departs_at");
				price = row.getBigDecimal("price_per_person");
			}
		}
		UUID bookingId;
		try (PreparedStatement insert = tx.prepareStatement(INSERT_BOOKING)) {
			insert.setObject(1, traveller.userId());
			insert.setLong(2, tripId);
			insert.setInt(3, 1);
			insert.setTimestamp(4, departs);
			insert.setTimestamp(5, Timestamp.from(departs.toInstant().plus(Duration.ofDays(7))));
			insert.setBigDecimal(6, price);
			insert.setInt(7, 1);
			insert.setBigDecimal(8, price);
			insert.setString(9, "USD");
			insert.setLong(10, Duration.ofMinutes(15).toMillis());
			try (ResultSet row = insert.executeQuery()) {
				row.next();
				bookingId = row.getObject("id", UUID.class);
			}
		}
		List<UUID> events = List.of(
				OutboxRows.publish(tx, "io.getaways.catalog.TripChanged",
						"io.getaways.catalog.internal.TripEventListeners.evictChangedTrip(io.getaways.catalog.TripChanged)",
						"{\"code\":\"" + trip + "\"}"),
				OutboxRows.publish(tx, "io.getaways.catalog.TripChanged",
						"io.getaways.search.internal.SearchListeners.tripChanged(io.getaways.catalog.TripChanged)",
						"{\"code\":\"" + trip + "\"}"),
				OutboxRows.publish(tx, "io.getaways.booking.BookingPlaced",
						"io.getaways.booking.internal.BookingMetrics.on(io.getaways.booking.BookingPlaced)",
						"{\"bookingId\":\"" + bookingId + "\",\"userId\":\"" + traveller.userId() + "\",\"tripCode\":\""
								+ trip + "\",\"stayCode\":null,\"quantity\":1,\"totalAmount\":100.00,"
								+ "\"currency\":\"USD\",\"holdExpiresAt\":\"" + Instant.now() + "\"}"));
		tx.commit();
		OutboxMarks.afterCommit(marks, events);
		return bookingId;
	}
}
