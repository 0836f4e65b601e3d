package io.getaways.catalog.internal.web;

import java.math.BigDecimal;
import java.time.Instant;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.Trip;
import io.getaways.catalog.TripContent;
import io.getaways.catalog.TripDetails;

public record TripResponse(String code, String name, String resort, Instant departsAt, int nights,
		BigDecimal pricePerPerson, String currency, int capacity, int seatsBooked, int seatsLeft, ListingStatus status,
		BigDecimal ratingAverage, int reviewCount, long contentVersion, boolean contentAvailable, TripContent content) {

	public static TripResponse of(TripDetails details) {
		Trip trip = details.trip();
		return new TripResponse(trip.code(), trip.name(), trip.resort(), trip.departsAt(), trip.nights(),
				trip.pricePerPerson(), trip.currency(), trip.capacity(), trip.seatsBooked(), trip.seatsLeft(),
				trip.status(), trip.ratingAverage(), trip.reviewCount(), trip.contentVersion(),
				details.contentAvailable(), details.contentAvailable() ? details.content() : null);
	}
}
