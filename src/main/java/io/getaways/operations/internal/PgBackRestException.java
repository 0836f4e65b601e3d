package io.getaways.operations.internal;

/** A pgBackRest call that failed; the message is one line naming the cause. */
final class PgBackRestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	PgBackRestException(String message) {
		super(message);
	}

	PgBackRestException(String message, Throwable cause) {
		super(message, cause);
	}

}
