package io.getaways.catalog.internal.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.Trip;
import io.getaways.catalog.internal.TripPage;

public record TripPageResponse(List<TripSummary> items, int page, int size, long totalItems, long totalPages) {

	public static TripPageResponse of(TripPage page) {
		return new TripPageResponse(page.items().stream().map(TripSummary::of).toList(), page.page(), page.size(),
				page.totalItems(), page.totalPages());
	}

	record TripSummary(String code, String name, String resort, Instant departsAt, int nights,
			BigDecimal pricePerPerson, String currency, int seatsLeft, ListingStatus status, BigDecimal ratingAverage,
			int reviewCount) {

		public static TripSummary of(Trip trip) {
			return new TripSummary(trip.code(), trip.name(), trip.resort(), trip.departsAt(), trip.nights(),
					trip.pricePerPerson(), trip.currency(), trip.seatsLeft(), trip.status(), trip.ratingAverage(),
					trip.reviewCount());
		}
	}
}
