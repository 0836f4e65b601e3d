package io.getaways.catalog;

import java.math.BigDecimal;

/** A stay's facts as a booking needs them. */
public record BookableStay(long id, String code, BigDecimal pricePerNight, String currency, int maxGuests,
		ListingStatus status) {
}
