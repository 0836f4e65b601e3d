package io.getaways.catalog;

/**
 * A stay's content reached a new version in PostgreSQL's terms; its MongoDB document must
 * follow.
 */
public record StayContentChanged(String code, StayContent content) {
}
