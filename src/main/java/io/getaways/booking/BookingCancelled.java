package io.getaways.booking;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Its seats or dates are free again; {@code refundAmount} is null when nothing had been
 * paid.
 */
public record BookingCancelled(UUID bookingId, UUID userId, String tripCode, String stayCode, CancellationReason reason,
		BigDecimal refundAmount, String currency) {
}
