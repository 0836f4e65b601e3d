package io.getaways.payment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.getaways.payment.RefundReceipt;
import io.getaways.platform.StoreMetrics;
import io.getaways.platform.StoreMetrics.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code app.payments} and {@code app.refunds}, as the caller's row-level
 * security shows them.
 */
@Repository
class PaymentRepository {

	static final String PAYMENT_COLUMNS = """
			id, booking_id, user_id, amount, currency, status, gateway_reference, failure_reason, refunded_amount,
			created_at, updated_at""";

	static final String REFUND_COLUMNS = """
			id, payment_id, booking_id, amount, currency, status, gateway_reference, reason, created_at""";

	private static final String INSERT_CAPTURED = """
			INSERT INTO app.payments (id, booking_id, user_id, amount, currency, status, gateway_reference)
			VALUES (:id, :bookingId, :userId, :amount, :currency, 'CAPTURED', :reference)
			RETURNING""" + " " + PAYMENT_COLUMNS;

	private static final String CAPTURED_OF_BOOKING = """
			SELECT %s
			FROM app.payments
			WHERE booking_id = :bookingId
			  AND status = 'CAPTURED'
			FOR UPDATE""".formatted(PAYMENT_COLUMNS);

	private static final String ADD_REFUNDED = """
			UPDATE app.payments
			SET refunded_amount = refunded_amount + :amount
			WHERE id = :id
			  AND status = 'CAPTURED'
			  AND refunded_amount + :amount <= amount""";

	private static final String INSERT_REFUND = """
			INSERT INTO app.refunds (payment_id, booking_id, user_id, amount, currency, status, gateway_reference, reason)
			VALUES (:paymentId, :bookingId, :userId, :amount, :currency, 'SUCCEEDED', :reference, :reason)
			RETURNING"""
			+ " " + REFUND_COLUMNS;

	private final JdbcClient jdbc;

	private final StoreMetrics metrics;

	PaymentRepository(JdbcClient jdbc, StoreMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
	}

	boolean isPaid(UUID bookingId) {
		return metrics.record(Store.POSTGRES, "payment.paid", () -> jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM app.payments WHERE booking_id = :bookingId AND status = 'CAPTURED')")
			.param("bookingId", bookingId)
			.query(Boolean.class)
			.single());
	}

	PaymentRecord insertCaptured(UUID id, UUID bookingId, UUID userId, BigDecimal amount, String currency,
			String reference) {
		return metrics.record(Store.POSTGRES, "payment.insert",
				() -> jdbc.sql(INSERT_CAPTURED)
					.param("id", id)
					.param("bookingId", bookingId)
					.param("userId", userId)
					.param("amount", amount)
					.param("currency", currency)
					.param("reference", reference)
					.query(PaymentRepository::mapPayment)
					.single());
	}

	/**
	 * The booking's captured payment, locked until the transaction ends so that refunds
	 * of it queue up.
	 */
	Optional<PaymentRecord> lockCaptured(UUID bookingId) {
		return metrics.record(Store.POSTGRES, "payment.lock",
				() -> jdbc.sql(CAPTURED_OF_BOOKING)
					.param("bookingId", bookingId)
					.query(PaymentRepository::mapPayment)
					.optional());
	}

	boolean addRefunded(UUID paymentId, BigDecimal amount) {
		return metrics.record(Store.POSTGRES, "payment.refunded",
				() -> jdbc.sql(ADD_REFUNDED).param("id", paymentId).param("amount", amount).update()) == 1;
	}

	RefundReceipt insertRefund(PaymentRecord payment, BigDecimal amount, String reference, String reason) {
		return metrics.record(Store.POSTGRES, "refund.insert",
				() -> jdbc.sql(INSERT_REFUND)
					.param("paymentId", payment.id())
					.param("bookingId", payment.bookingId())
					.param("userId", payment.userId())
					.param("amount", amount)
					.param("currency", payment.currency())
					.param("reference", reference)
					.param("reason", reason)
					.query(PaymentRepository::mapRefund)
					.single());
	}

	Optional<PaymentRecord> find(UUID id) {
		return metrics.record(Store.POSTGRES, "payment.find",
				() -> jdbc.sql("SELECT " + PAYMENT_COLUMNS + " FROM app.payments WHERE id = :id")
					.param("id", id)
					.query(PaymentRepository::mapPayment)
					.optional());
	}

	List<PaymentRecord> paymentsOf(UUID bookingId) {
		return metrics.record(Store.POSTGRES, "payment.of-booking",
				() -> jdbc
					.sql("SELECT " + PAYMENT_COLUMNS
							+ " FROM app.payments WHERE booking_id = :bookingId ORDER BY created_at, id")
					.param("bookingId", bookingId)
					.query(PaymentRepository::mapPayment)
					.list());
	}

	List<RefundReceipt> refundsOf(UUID bookingId) {
		return metrics.record(Store.POSTGRES, "refund.of-booking", () -> jdbc
			.sql("SELECT " + REFUND_COLUMNS + " FROM app.refunds WHERE booking_id = :bookingId ORDER BY created_at, id")
			.param("bookingId", bookingId)
			.query(PaymentRepository::mapRefund)
			.list());
	}

	List<RefundReceipt> refundsOfPayment(UUID paymentId) {
		return metrics.record(Store.POSTGRES, "refund.of-payment", () -> jdbc
			.sql("SELECT " + REFUND_COLUMNS + " FROM app.refunds WHERE payment_id = :paymentId ORDER BY created_at, id")
			.param("paymentId", paymentId)
			.query(PaymentRepository::mapRefund)
			.list());
	}

	static PaymentRecord mapPayment(ResultSet row, int rowNumber) throws SQLException {
		return new PaymentRecord(row.getObject("id", UUID.class), row.getObject("booking_id", UUID.class),
				row.getObject("user_id", UUID.class), row.getBigDecimal("amount"), row.getString("currency"),
				row.getString("status"), row.getString("gateway_reference"), row.getString("failure_reason"),
				row.getBigDecimal("refunded_amount"), instant(row, "created_at"), instant(row, "updated_at"));
	}

	static RefundReceipt mapRefund(ResultSet row, int rowNumber) throws SQLException {
		return new RefundReceipt(row.getObject("id", UUID.class), row.getObject("payment_id", UUID.class),
				row.getObject("booking_id", UUID.class), row.getBigDecimal("amount"), row.getString("currency"),
				row.getString("status"), row.getString("gateway_reference"), row.getString("reason"),
				instant(row, "created_at"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

}
