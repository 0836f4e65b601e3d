package io.getaways.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A booking's payment was captured by the gateway and recorded, in the transaction of the
 * booking change.
 */
public record PaymentCaptured(UUID paymentId, UUID bookingId, UUID userId, BigDecimal amount, String currency,
		String gatewayReference) {
}
