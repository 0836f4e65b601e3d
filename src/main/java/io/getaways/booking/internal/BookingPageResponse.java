package io.getaways.booking.internal;

import java.util.List;

import io.getaways.booking.BookingPage;

record BookingPageResponse(List<BookingResponse> items, int page, int size, long totalItems, long totalPages) {

	static BookingPageResponse of(BookingPage page) {
		return new BookingPageResponse(page.items().stream().map(BookingResponse::of).toList(), page.page(),
				page.size(), page.totalItems(), page.totalPages());
	}
}
