package io.getaways.review.internal;

import io.getaways.platform.InvalidParameterException;
import io.getaways.review.Reviews;

/**
 * Rating and text as the service accepts them, whoever calls it. Text is trimmed and a
 * blank one counts as none, since a rating alone is a complete review; its length is
 * counted in Unicode code points, as PostgreSQL's {@code length()} in
 * {@code reviews_body_chk} counts it.
 */
final class ReviewRules {

	private ReviewRules() {
	}

	static int rating(int rating) {
		if (rating < 1 || rating > 5) {
			throw new InvalidParameterException("rating", "must be a whole number from 1 to 5");
		}
		return rating;
	}

	/** The text to store: trimmed, or null when absent or blank. */
	static String text(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.strip();
		int length = trimmed.codePointCount(0, trimmed.length());
		if (length > Reviews.MAX_TEXT_LENGTH) {
			throw new InvalidParameterException("text",
					"must be at most " + Reviews.MAX_TEXT_LENGTH + " characters, but has " + length);
		}
		// PostgreSQL text cannot hold NUL; refused here rather than failing in the driver
		if (trimmed.indexOf('\0') >= 0) {
			throw new InvalidParameterException("text", "must not contain NUL characters");
		}
		return trimmed;
	}

}
