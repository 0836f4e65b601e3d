package io.getaways.catalog.internal.web;

import java.math.BigDecimal;
import java.util.List;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.internal.Stay;
import io.getaways.catalog.internal.StayPage;

public record StayPageResponse(List<StaySummary> items, int page, int size, long totalItems, long totalPages) {

	public static StayPageResponse of(StayPage page) {
		return new StayPageResponse(page.items().stream().map(StaySummary::of).toList(), page.page(), page.size(),
				page.totalItems(), page.totalPages());
	}

	record StaySummary(String code, String name, String country, String city, BigDecimal pricePerNight, String currency,
			int maxGuests, ListingStatus status, BigDecimal ratingAverage, int reviewCount) {

		public static StaySummary of(Stay stay) {
			return new StaySummary(stay.code(), stay.name(), stay.country(), stay.city(), stay.pricePerNight(),
					stay.currency(), stay.maxGuests(), stay.status(), stay.ratingAverage(), stay.reviewCount());
		}
	}
}
