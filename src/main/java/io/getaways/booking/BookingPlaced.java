package io.getaways.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Seats or dates are held until {@code holdExpiresAt}; exactly one of the codes is set.
 */
public record BookingPlaced(UUID bookingId, UUID userId, String tripCode, String stayCode, int quantity,
		BigDecimal totalAmount, String currency, Instant holdExpiresAt) {
}
