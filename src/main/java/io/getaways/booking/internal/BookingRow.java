package io.getaways.booking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.getaways.booking.Booking;
import io.getaways.booking.BookingStatus;
import io.getaways.booking.CancellationReason;

/**
 * A booking as read, with the ids of its trip or stay and two facts judged by the
 * database clock.
 */
record BookingRow(Booking booking, Long tripId, Long stayId, boolean holdExpired, boolean started) {

	/*
	 * The codes come from the catalog's tables: the bookings table keeps only ids, and
	 * codes are the catalog's natural keys, never changed once given.
	 */
	static final String COLUMNS = """
			b.id, b.user_id, b.status, b.trip_id, b.stay_id, b.seats, b.guests,
			lower(b.stay_dates) AS check_in, upper(b.stay_dates) AS check_out, b.starts_at, b.ends_at,
			b.unit_price, b.quantity, b.total_amount, b.currency, b.hold_expires_at, b.created_at, b.updated_at,
			b.confirmed_at, b.completed_at, b.cancelled_at, b.cancellation_reason, b.refund_amount,
			(SELECT t.code FROM app.trips t WHERE t.id = b.trip_id) AS trip_code,
			(SELECT s.code FROM app.stays s WHERE s.id = b.stay_id) AS stay_code,
			coalesce(b.hold_expires_at <= now(), false) AS hold_expired, b.starts_at <= now() AS started""";

	UUID id() {
		return booking.id();
	}

	BookingStatus status() {
		return booking.status();
	}

	static BookingRow map(ResultSet row, int rowNumber) throws SQLException {
		String reason = row.getString("cancellation_reason");
		Booking booking = new Booking(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
				BookingStatus.valueOf(row.getString("status")), row.getString("trip_code"), row.getString("stay_code"),
				(Integer) row.getObject("seats"), (Integer) row.getObject("guests"),
				row.getObject("check_in", LocalDate.class), row.getObject("check_out", LocalDate.class),
				instant(row, "starts_at"), instant(row, "ends_at"), row.getBigDecimal("unit_price"),
				row.getInt("quantity"), row.getBigDecimal("total_amount"), row.getString("currency"),
				instant(row, "hold_expires_at"), instant(row, "created_at"), instant(row, "updated_at"),
				instant(row, "confirmed_at"), instant(row, "completed_at"), instant(row, "cancelled_at"),
				reason == null ? null : CancellationReason.valueOf(reason), row.getBigDecimal("refund_amount"));
		return new BookingRow(booking, (Long) row.getObject("trip_id"), (Long) row.getObject("stay_id"),
				row.getBoolean("hold_expired"), row.getBoolean("started"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
