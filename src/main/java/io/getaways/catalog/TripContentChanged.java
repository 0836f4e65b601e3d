package io.getaways.catalog;

/**
 * A trip's content reached a new version in PostgreSQL's terms; its MongoDB document must
 * follow.
 */
public record TripContentChanged(String code, TripContent content) {
}
