package io.getaways.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A trip booking made in another system, kept as it was there.
 *
 * @param userId the traveller, already imported
 * @param tripCode the trip, already imported
 * @param seats seats it holds
 * @param unitPrice the price per seat the source charged; null for the trip's price
 * @param status CONFIRMED, COMPLETED or CANCELLED (a source's open hold has no meaning
 * here)
 * @param bookedAt when it was made in the source
 */
public record ImportedTripBooking(UUID userId, String tripCode, int seats, BigDecimal unitPrice, BookingStatus status,
		Instant bookedAt) {
}
