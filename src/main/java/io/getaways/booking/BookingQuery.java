package io.getaways.booking;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An admin's search over every booking; each filter is optional. {@code from} and
 * {@code to} are UTC days that the booking's start falls in, both included.
 */
public record BookingQuery(BookingStatus status, String tripCode, String stayCode, UUID userId, LocalDate from,
		LocalDate to, int page, int size) {

	public static final int MAX_SIZE = 100;

	public long offset() {
		return (long) page * size;
	}
}
