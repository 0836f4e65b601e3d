package io.getaways.catalog;

import java.math.BigDecimal;

/**
 * The facts of a stay (an exclusive rental by date range, such as a villa), as PostgreSQL holds them.
 * {@code ratingAverage} is null until the first review.
 */
public record Stay(String code, String name, String country, String city, BigDecimal pricePerNight, String currency,
		int maxGuests, ListingStatus status, long contentVersion, BigDecimal ratingAverage, int reviewCount)
		implements Listing {
}
