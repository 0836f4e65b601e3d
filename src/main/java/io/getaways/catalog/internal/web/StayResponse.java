package io.getaways.catalog.internal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.getaways.catalog.ListingStatus;
import io.getaways.catalog.StayContent;
import io.getaways.catalog.internal.Stay;
import io.getaways.catalog.internal.StayDetails;
import io.getaways.catalog.internal.StayOccupancy;
import io.swagger.v3.oas.annotations.media.Schema;

public record StayResponse(String code, String name, String country, String city, BigDecimal pricePerNight,
		String currency, int maxGuests, ListingStatus status, BigDecimal ratingAverage, int reviewCount,
		long contentVersion, boolean contentAvailable, StayContent content, Availability availability) {

	@Schema(description = "Taken ranges [checkIn, checkOut) overlapping [from, to), whole and in check-in order; "
			+ "every other night in the window is free")
	record Availability(LocalDate from, LocalDate to, List<StayOccupancy> occupied) {
	}

	public static StayResponse of(StayDetails details, Availability availability) {
		Stay stay = details.stay();
		return new StayResponse(stay.code(), stay.name(), stay.country(), stay.city(), stay.pricePerNight(),
				stay.currency(), stay.maxGuests(), stay.status(), stay.ratingAverage(), stay.reviewCount(),
				stay.contentVersion(), details.contentAvailable(), details.content(), availability);
	}
}
