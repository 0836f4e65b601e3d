package io.getaways.imports.internal;

/**
 * Why one source row cannot be imported; the row is skipped and listed in the rejects
 * file.
 */
class RowRejectedException extends RuntimeException {

	private final String field;

	RowRejectedException(String field, String reason) {
		super(field == null ? reason : field + ": " + reason, null, false, false);
		this.field = field;
	}

	String field() {
		return field;
	}

}
