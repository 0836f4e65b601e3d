package io.getaways.operations.internal;

/**
 * A backup, verify, expire or restore that cannot go on; the message is the one line an
 * operator reads.
 */
class BackupFailedException extends RuntimeException {

	BackupFailedException(String message) {
		super(message);
	}

	BackupFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
