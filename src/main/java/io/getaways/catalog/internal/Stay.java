package io.getaways.catalog.internal;

import java.math.BigDecimal;

import io.getaways.catalog.Listing;
import io.getaways.catalog.ListingStatus;

/**
 * The facts of a stay (an exclusive rental by date range, such as a villa), as PostgreSQL
 * holds them. {@code ratingAverage} is null until the first review.
 */
public record Stay(String code, String name, String country, String city, BigDecimal pricePerNight, String currency,
		int maxGuests, ListingStatus status, long contentVersion, BigDecimal ratingAverage,
		int reviewCount) implements Listing {
}
