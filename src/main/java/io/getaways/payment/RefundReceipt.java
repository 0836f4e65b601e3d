package io.getaways.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record RefundReceipt(UUID id, UUID paymentId, UUID bookingId, BigDecimal amount, String currency, String status,
		String gatewayReference, String reason, Instant createdAt) {
}
