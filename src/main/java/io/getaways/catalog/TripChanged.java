package io.getaways.catalog;

/** A trip's facts or content changed in PostgreSQL; cached reads of it are stale. */
public record TripChanged(String code) {
}
