package io.getaways.travlr;

/**
 * A Travlr trip field that cannot be parsed; answered as 400 with a message naming the
 * field.
 */
class TravlrFieldException extends RuntimeException {

	private final String field;

	TravlrFieldException(String field, String reason) {
		super("Invalid " + field + ": " + reason);
		this.field = field;
	}

	String field() {
		return field;
	}

}
