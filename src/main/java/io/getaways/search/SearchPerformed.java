package io.getaways.search;

import java.time.Instant;

/**
 * A search was answered. Published after the answer is known, outside any transaction,
 * for analytics; it carries no personal data beyond the user's id.
 *
 * @param query the text as typed, trimmed; empty when the search had only filters
 * @param kind {@code trip}, {@code stay}, or {@code null} for both
 * @param hits how many listings matched, over all pages
 * @param userId the signed-in user, or {@code null} when anonymous
 * @param at when the search was answered
 */
public record SearchPerformed(String query, String kind, long hits, String userId, Instant at) {
}
