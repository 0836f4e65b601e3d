package io.getaways.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A stay booking made in another system, kept as it was there.
 *
 * @param userId the traveller, already imported
 * @param stayCode the stay, already imported
 * @param checkIn the first night, a UTC day
 * @param checkOut the day after the last night
 * @param guests guests it holds
 * @param unitPrice the price per night the source charged; null for the stay's price
 * @param status CONFIRMED, COMPLETED or CANCELLED
 * @param bookedAt when it was made in the source
 */
public record ImportedStayBooking(UUID userId, String stayCode, LocalDate checkIn, LocalDate checkOut, int guests,
		BigDecimal unitPrice, BookingStatus status, Instant bookedAt) {
}
