package io.getaways.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment taken in another system, kept as it was there; no money moves.
 *
 * @param bookingId the booking it paid, already imported
 * @param userId the booking's traveller
 * @param amount what was charged, more than zero
 * @param currency the booking's currency
 * @param captured true for a capture, false for an attempt that failed
 * @param gatewayReference the source's reference of the charge; required for a capture
 * @param failureReason why an attempt failed, at most 200 characters; null for a capture
 * @param paidAt when it happened in the source
 */
public record ImportedPayment(UUID bookingId, UUID userId, BigDecimal amount, String currency, boolean captured,
		String gatewayReference, String failureReason, Instant paidAt) {
}
