package io.getaways.travlr;

import java.util.Map;

/**
 * Travlr clients send loosely typed JSON; every field they must send is a non-blank
 * string.
 */
final class TravlrFields {

	static final int MAX_LENGTH = 10_000;

	private TravlrFields() {
	}

	static String required(Map<String, Object> body, String field) {
		Object value = body == null ? null : body.get(field);
		if (!(value instanceof String text) || text.isBlank()) {
			throw new TravlrMissingFieldException(field);
		}
		if (text.length() > MAX_LENGTH) {
			throw new TravlrFieldException(field, "is longer than " + MAX_LENGTH + " characters");
		}
		return text.trim();
	}

	static String optional(Map<String, Object> body, String field) {
		Object value = body == null ? null : body.get(field);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new TravlrFieldException(field, "must be a string");
		}
		if (text.length() > MAX_LENGTH) {
			throw new TravlrFieldException(field, "is longer than " + MAX_LENGTH + " characters");
		}
		return text;
	}

}
