package io.getaways.travlr;

/** Travlr answers a missing field with one fixed message, which its clients display. */
class TravlrMissingFieldException extends TravlrFieldException {

	TravlrMissingFieldException(String field) {
		super(field, "is required");
	}

}
