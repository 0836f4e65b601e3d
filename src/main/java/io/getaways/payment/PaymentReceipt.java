package io.getaways.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record PaymentReceipt(UUID id, UUID bookingId, BigDecimal amount, String currency, String status,
		String gatewayReference, BigDecimal refundedAmount, Instant createdAt) {
}
