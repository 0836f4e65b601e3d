package io.getaways.review;

import java.time.Instant;
import java.util.UUID;

/**
 * A published review. It never names its author: reviews are public, and who wrote one is
 * nobody else's business. Exactly one of the codes is set.
 */
public record Review(UUID id, String tripCode, String stayCode, int rating, String text, Instant createdAt,
		Instant updatedAt) {
}
