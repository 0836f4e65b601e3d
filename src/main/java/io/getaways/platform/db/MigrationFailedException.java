package io.getaways.platform.db;

/** A migration step failed; the message names the changeset where Liquibase tells it. */
public class MigrationFailedException extends RuntimeException {

	MigrationFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
