package io.getaways.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** Everything needed to create or wholly replace a trip: facts for PostgreSQL, content for MongoDB. */
public record TripDraft(String code, String name, String resort, Instant departsAt, int nights,
		BigDecimal pricePerPerson, String currency, int capacity, TripContent content) {
}
