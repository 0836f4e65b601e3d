package io.getaways.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment module's API for the booking module. Capture and refund join the caller's
 * transaction (they fail without one), so a payment is recorded exactly when the booking
 * change it pays for commits.
 */
public interface Payments {

	/**
	 * Charges the amount through the gateway and records the capture. Throws
	 * {@link PaymentDeclinedException} when the gateway declines; nothing is recorded
	 * then. If the caller's transaction rolls back after the gateway charged, the charge
	 * is voided through the gateway.
	 */
	PaymentReceipt capture(UUID bookingId, UUID userId, BigDecimal amount, String currency);

	/**
	 * Refunds up to the amount through the gateway against the booking's captured payment
	 * and records it. Empty when the booking has no captured payment or the amount is
	 * zero.
	 */
	Optional<RefundReceipt> refund(UUID bookingId, BigDecimal amount, String reason);

	/**
	 * The booking's payments, oldest first, as the caller's row-level security lets it
	 * see them.
	 */
	List<PaymentReceipt> paymentsOf(UUID bookingId);

	/** The booking's refunds, oldest first. */
	List<RefundReceipt> refundsOf(UUID bookingId);

}
