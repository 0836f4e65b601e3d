package io.getaways.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One booking: seats of a trip ({@code tripCode}, {@code seats}) or nights of a stay
 * ({@code stayCode}, {@code checkIn}, {@code checkOut}, {@code guests}). The unit price
 * is the one captured when it was placed.
 */
public record Booking(UUID id, UUID userId, BookingStatus status, String tripCode, String stayCode, Integer seats,
		Integer guests, LocalDate checkIn, LocalDate checkOut, Instant startsAt, Instant endsAt, BigDecimal unitPrice,
		int quantity, BigDecimal totalAmount, String currency, Instant holdExpiresAt, Instant createdAt,
		Instant updatedAt, Instant confirmedAt, Instant completedAt, Instant cancelledAt,
		CancellationReason cancellationReason, BigDecimal refundAmount) {

	public boolean isTrip() {
		return tripCode != null;
	}
}
