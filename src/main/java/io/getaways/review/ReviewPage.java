package io.getaways.review;

import java.util.List;

public record ReviewPage(List<Review> items, int page, int size, long totalItems) {

	public long totalPages() {
		return (totalItems + size - 1) / size;
	}
}
