package io.getaways.payment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.getaways.payment.PaymentReceipt;

/**
 * A row of {@code app.payments} as this module reads it, with the owner that receipts
 * leave out.
 */
record PaymentRecord(UUID id, UUID bookingId, UUID userId, BigDecimal amount, String currency, String status,
		String gatewayReference, String failureReason, BigDecimal refundedAmount, Instant createdAt,
		Instant updatedAt) {

	PaymentReceipt receipt() {
		return new PaymentReceipt(id, bookingId, amount, currency, status, gatewayReference, refundedAmount, createdAt);
	}

	BigDecimal refundable() {
		return amount.subtract(refundedAmount);
	}
}
