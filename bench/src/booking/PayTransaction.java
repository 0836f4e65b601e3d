package booking;

import static booking.BookTransaction.BOOKING_COLUMNS;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The statements of {@code POST /api/v1/bookings/{id}/pay} as the service sends them: the transaction context, the
 * conditional confirm restricted to the booking's owner (the service locks and reads the row only when it refuses), the
 * payment module's paid check and payment insert, the outbox rows, commit. The simulated gateway answers without a statement of its own.
 */
final class PayTransaction {

	static final String CONFIRM = """
			UPDATE app.bookings b
			SET status = 'CONFIRMED', confirmed_at = now()
			WHERE b.id = ?
			  AND b.user_id = ?
			  AND b.status = 'PENDING'
			  AND b.hold_expires_at > now()
			RETURNING""" + " " + BOOKING_COLUMNS;

	static final String IS_PAID = """
			SELECT EXISTS (SELECT 1 FROM app.payments WHERE booking_id = ? AND status = 'CAPTURED')""";

	static final String INSERT_PAYMENT = """
			INSERT INTO app.payments (id, booking_id, user_id, amount, currency, status, gateway_reference)
			VALUES (?, ?, ?, ?, ?, 'CAPTURED', ?)
			RETURNING id, booking_id, user_id, amount, currency, status, gateway_reference, refunded_amount,
			          created_at""";

	private PayTransaction() {
	}

	/**
	 * With {@code outbox} (a second connection), also the empty transaction in which the notification listener runs
	 * asynchronously: it writes to MongoDB only.
	 */
	static void run(Database db, Connection tx, Connection outbox, OutboxMarks marks, Traveller traveller,
			UUID bookingId, String trip) throws SQLException {
		db.begin(tx, db.customerRole(), traveller.userId().toString(), "bench@example.com");
		BigDecimal total;
		try (PreparedStatement confirm = tx.prepareStatement(CONFIRM)) {
			confirm.setObject(1, bookingId);
			confirm.setObject(2, traveller.userId());
			try (ResultSet row = confirm.executeQuery()) {
				if (!row.next()) {
					throw new IllegalStateException("Booking " + bookingId + " is not payable");
				}
				total = row.getBigDecimal("total_amount");
			}
		}
		try (PreparedStatement paid = tx.prepareStatement(IS_PAID)) {
			paid.setObject(1, bookingId);
			try (ResultSet row = paid.executeQuery()) {
				row.next();
			}
		}
		UUID paymentId = UUID.randomUUID();
		String reference = "sim_ch_" + UUID.randomUUID().toString().replace("-", "");
		try (PreparedStatement insert = tx.prepareStatement(INSERT_PAYMENT)) {
			insert.setObject(1, paymentId);
			insert.setObject(2, bookingId);
			insert.setObject(3, traveller.userId());
			insert.setBigDecimal(4, total);
			insert.setString(5, "USD");
			insert.setString(6, reference);
			try (ResultSet row = insert.executeQuery()) {
				row.next();
			}
		}
		String confirmed = "{\"bookingId\":\"" + bookingId + "\",\"userId\":\"" + traveller.userId()
				+ "\",\"tripCode\":\"" + trip + "\",\"stayCode\":null,\"amount\":100.00,\"currency\":\"USD\","
				+ "\"paymentId\":\"" + paymentId + "\"}";
		List<UUID> events = List.of(
				OutboxRows.publish(tx, "io.getaways.payment.PaymentCaptured",
						"io.getaways.payment.internal.PaymentEventMetrics.captured(io.getaways.payment.PaymentCaptured)",
						"{\"paymentId\":\"" + paymentId + "\",\"bookingId\":\"" + bookingId + "\",\"userId\":\""
								+ traveller.userId() + "\",\"amount\":100.00,\"currency\":\"USD\","
								+ "\"gatewayReference\":\"" + reference + "\"}"),
				OutboxRows.publish(tx, "io.getaways.booking.BookingConfirmed",
						"io.getaways.booking.internal.BookingMetrics.on(io.getaways.booking.BookingConfirmed)",
						confirmed),
				OutboxRows.publish(tx, "io.getaways.booking.BookingConfirmed",
						"io.getaways.notification.internal.BookingNotifications.confirmed(io.getaways.booking.BookingConfirmed)",
						confirmed));
		tx.commit();
		OutboxMarks.afterCommit(marks, events);
		if (outbox != null) {
			db.begin(outbox, db.customerRole(), traveller.userId().toString(), "bench@example.com");
			outbox.commit();
		}
	}
}
