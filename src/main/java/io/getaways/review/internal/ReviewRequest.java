package io.getaways.review.internal;

import java.util.UUID;

import io.getaways.platform.InvalidParameterException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A review as the client sends it. The fields are read as plain JSON values and checked
 * here, so that a wrong type, such as {@code "rating": "five"} or {@code 4.5}, is
 * answered 400 naming its field instead of being coerced or refused as unreadable JSON.
 */
@Schema(name = "ReviewRequest", example = """
		{"bookingId": "5b0c8e0e-8d8c-4d3e-9d6f-0a7c1c2b9e11", "rating": 5, "text": "Clear water, kind crew."}""")
record ReviewRequest(
		@Schema(implementation = UUID.class,
				description = "A completed booking of the caller's; only when posting") Object bookingId,
		@Schema(implementation = Integer.class, minimum = "1", maximum = "5",
				requiredMode = Schema.RequiredMode.REQUIRED) Object rating,
		@Schema(implementation = String.class, maxLength = 2000, nullable = true,
				description = "Optional; trimmed, and blank counts as none; at most 2000 characters") Object text) {

	UUID booking() {
		if (bookingId == null) {
			throw new InvalidParameterException("bookingId", "is required");
		}
		try {
			// only the canonical form: UUID.fromString also reads shortened ones such as
			// 1-2-3-4-5
			if (bookingId instanceof String id && id.length() == 36) {
				return UUID.fromString(id);
			}
		}
		catch (IllegalArgumentException ex) {
			// answered below like any other malformed id
		}
		throw new InvalidParameterException("bookingId", "must be a UUID");
	}

	/**
	 * JSON integers only: a fraction, a string or a boolean is no rating, even if it
	 * could be read as one.
	 */
	int stars() {
		if (rating == null) {
			throw new InvalidParameterException("rating", "is required");
		}
		// Jackson reads a JSON integer as Integer, Long or, beyond long, BigInteger,
		// which is out of range anyway
		long value = rating instanceof Integer || rating instanceof Long ? ((Number) rating).longValue() : 0;
		if (value < 1 || value > 5) {
			throw new InvalidParameterException("rating", "must be a whole number from 1 to 5");
		}
		return (int) value;
	}

	String words() {
		if (text != null && !(text instanceof String)) {
			throw new InvalidParameterException("text", "must be a string");
		}
		return (String) text;
	}
}
