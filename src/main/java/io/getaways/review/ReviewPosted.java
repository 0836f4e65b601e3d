package io.getaways.review;

import java.util.UUID;

/**
 * A review was posted, changed or removed; the rating of its trip or stay changed with
 * it. Exactly one of the codes is set.
 */
public record ReviewPosted(UUID reviewId, String tripCode, String stayCode, int rating) {
}
