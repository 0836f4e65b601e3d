package io.getaways.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Everything needed to create or replace a trip: facts for PostgreSQL, content for
 * MongoDB. A replacement without content keeps the trip's content and its version; a new
 * trip without content starts with an empty document.
 */
public record TripDraft(String code, String name, String resort, Instant departsAt, int nights,
		BigDecimal pricePerPerson, String currency, int capacity, TripContent content) {
}
