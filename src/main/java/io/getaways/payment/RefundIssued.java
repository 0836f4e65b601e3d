package io.getaways.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Money went back to the customer through the gateway against a captured payment, and the
 * refund was recorded.
 */
public record RefundIssued(UUID refundId, UUID paymentId, UUID bookingId, BigDecimal amount, String currency) {
}
