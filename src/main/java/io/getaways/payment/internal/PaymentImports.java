package io.getaways.payment.internal;

import java.sql.Timestamp;

import io.getaways.payment.ImportedPayment;
import io.getaways.payment.PaymentHistory;
import io.getaways.payment.PaymentReceipt;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.InvalidParameterException;
import io.getaways.platform.NotAllowedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments brought in from another system: recorded as they were, without the gateway, in
 * the caller's transaction. The table's constraints stay the last line (one capture per
 * booking; a capture has its reference).
 */
@Component
class PaymentImports implements PaymentHistory {

	private static final String INSERT = """
			INSERT INTO app.payments
			  (booking_id, user_id, amount, currency, status, gateway_reference, failure_reason, created_at)
			VALUES (:bookingId, :userId, :amount, :currency, :status, :reference, :failureReason, :paidAt)
			RETURNING""" + " " + PaymentRepository.PAYMENT_COLUMNS;

	private final JdbcClient jdbc;

	PaymentImports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public PaymentReceipt importPayment(ImportedPayment payment) {
		if (ActorContext.current().role() != Actor.Role.ADMIN) {
			throw new NotAllowedException("Importing payments needs the admin role");
		}
		if (payment.amount() == null || payment.amount().signum() <= 0) {
			throw new InvalidParameterException("amount", "must be more than zero");
		}
		if (payment.captured() && (payment.gatewayReference() == null || payment.gatewayReference().isBlank())) {
			throw new InvalidParameterException("gatewayReference", "is required for a captured payment");
		}
		return jdbc.sql(INSERT)
			.param("bookingId", payment.bookingId())
			.param("userId", payment.userId())
			.param("amount", payment.amount())
			.param("currency", payment.currency())
			.param("status", payment.captured() ? "CAPTURED" : "FAILED")
			.param("reference", payment.gatewayReference())
			.param("failureReason", payment.captured() ? null : payment.failureReason())
			.param("paidAt", Timestamp.from(payment.paidAt()))
			.query(PaymentRepository::mapPayment)
			.single()
			.receipt();
	}

}
