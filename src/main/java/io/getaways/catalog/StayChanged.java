package io.getaways.catalog;

/**
 * A stay's facts or content changed in PostgreSQL; cached reads of it, and cached stay
 * search pages, are stale.
 */
public record StayChanged(String code) {
}
