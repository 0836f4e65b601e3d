package io.getaways.booking;

import java.util.List;

/** Newest first. */
public record BookingPage(List<Booking> items, int page, int size, long totalItems) {

	public long totalPages() {
		return size == 0 ? 0 : (totalItems + size - 1) / size;
	}
}
