package io.getaways.catalog;

import java.time.Instant;

/**
 * A trip or stay page was read through the public API. Published outside any transaction,
 * for analytics; it carries no personal data beyond the user's id.
 *
 * @param kind {@code trip} or {@code stay}
 * @param code the listing's code
 * @param userId the signed-in user, or {@code null} when anonymous
 * @param at when it was read
 */
public record ListingViewed(String kind, String code, String userId, Instant at) {
}
