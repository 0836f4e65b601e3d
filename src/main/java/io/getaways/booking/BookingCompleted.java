package io.getaways.booking;

import java.util.UUID;

/** The trip or stay is over; its traveller may now review it. */
public record BookingCompleted(UUID bookingId, UUID userId, String tripCode, String stayCode) {
}
