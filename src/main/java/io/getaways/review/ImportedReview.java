package io.getaways.review;

import java.time.Instant;
import java.util.UUID;

/**
 * A review written in another system, kept as it was there.
 *
 * @param bookingId the reviewed booking, already imported and COMPLETED
 * @param authorId the booking's traveller
 * @param rating 1 to 5
 * @param text optional; trimmed, and blank counts as none
 * @param reviewedAt when it was written in the source
 */
public record ImportedReview(UUID bookingId, UUID authorId, int rating, String text, Instant reviewedAt) {
}
