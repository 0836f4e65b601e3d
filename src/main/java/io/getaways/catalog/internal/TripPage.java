package io.getaways.catalog.internal;

import java.util.List;

import io.getaways.catalog.Trip;

public record TripPage(List<Trip> items, int page, int size, long totalItems) {

	public long totalPages() {
		return size == 0 ? 0 : (totalItems + size - 1) / size;
	}
}
