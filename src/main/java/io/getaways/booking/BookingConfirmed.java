package io.getaways.booking;

import java.math.BigDecimal;
import java.util.UUID;

/** The booking was paid; {@code paymentId} is null when there was nothing to pay. */
public record BookingConfirmed(UUID bookingId, UUID userId, String tripCode, String stayCode, BigDecimal amount,
		String currency, UUID paymentId) {
}
