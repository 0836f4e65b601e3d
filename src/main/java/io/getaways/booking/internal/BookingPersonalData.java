package io.getaways.booking.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.getaways.platform.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A traveller's bookings and their passengers. Bookings are the business's record and
 * stay after an erasure; the passengers go. Erasure waits while a booking is held or
 * confirmed for a trip or stay that has not ended.
 */
@Component
@Order(10)
class BookingPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final PassengerBook passengers;

	BookingPersonalData(JdbcClient jdbc, PassengerBook passengers) {
		this.jdbc = jdbc;
		this.passengers = passengers;
	}

	@Override
	public String section() {
		return "bookings";
	}

	@Override
	public Object export(UUID userId) {
		return jdbc
			.sql("""
					SELECT b.id, coalesce(t.code, s.code) AS code, CASE WHEN b.trip_id IS NULL THEN 'STAY' ELSE 'TRIP' END AS kind,
					       b.seats, b.guests, b.starts_at, b.ends_at, b.total_amount, b.currency, b.status,
					       b.created_at, b.confirmed_at, b.completed_at, b.cancelled_at, b.cancellation_reason, b.refund_amount
					FROM app.bookings b
					LEFT JOIN app.trips t ON t.id = b.trip_id
					LEFT JOIN app.stays s ON s.id = b.stay_id
					WHERE b.user_id = :user
					ORDER BY b.created_at""")
			.param("user", userId)
			.query((row, n) -> {
				Map<String, Object> booking = new LinkedHashMap<>();
				booking.put("id", row.getObject("id", UUID.class));
				booking.put("kind", row.getString("kind"));
				booking.put("code", row.getString("code"));
				booking.put("seats", row.getObject("seats"));
				booking.put("guests", row.getObject("guests"));
				booking.put("startsAt", row.getTimestamp("starts_at").toInstant());
				booking.put("endsAt", row.getTimestamp("ends_at").toInstant());
				booking.put("totalAmount", row.getBigDecimal("total_amount"));
				booking.put("currency", row.getString("currency"));
				booking.put("status", row.getString("status"));
				booking.put("createdAt", row.getTimestamp("created_at").toInstant());
				booking.put("cancellationReason", row.getString("cancellation_reason"));
				booking.put("refundAmount", row.getBigDecimal("refund_amount"));
				return booking;
			})
			.list()
			.stream()
			.map(this::withPassengers)
			.toList();
	}

	/** The passengers decrypted: the person is entitled to what is stored about them. */
	private Map<String, Object> withPassengers(Map<String, Object> booking) {
		booking.put("passengers", passengers.of((UUID) booking.get("id")));
		return booking;
	}

	@Override
	public List<String> erasureBlockers(UUID userId) {
		return jdbc
			.sql("""
					SELECT coalesce(t.code, s.code) || ' (' || b.status || ', ends ' || to_char(b.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ')'
					FROM app.bookings b
					LEFT JOIN app.trips t ON t.id = b.trip_id
					LEFT JOIN app.stays s ON s.id = b.stay_id
					WHERE b.user_id = :user AND b.status IN ('PENDING', 'CONFIRMED') AND b.ends_at > now()
					ORDER BY b.ends_at""")
			.param("user", userId)
			.query(String.class)
			.list();
	}

	/**
	 * Deletes the passengers of the person's bookings (names, nationalities, encrypted
	 * documents and dates of birth); the bookings keep their seats and amounts and no
	 * other personal field, since the account's erasure makes their owner anonymous.
	 */
	@Override
	public int erase(UUID userId) {
		return jdbc.sql("DELETE FROM app.booking_passengers WHERE user_id = :user").param("user", userId).update();
	}

}
