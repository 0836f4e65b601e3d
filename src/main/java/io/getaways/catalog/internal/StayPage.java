package io.getaways.catalog.internal;

import java.util.List;

import io.getaways.catalog.internal.Stay;

public record StayPage(List<Stay> items, int page, int size, long totalItems) {

	/** Immutable, as the catalog cache hands one value to many requests. */
	public StayPage {
		items = List.copyOf(items);
	}

	public long totalPages() {
		return size == 0 ? 0 : (totalItems + size - 1) / size;
	}
}
