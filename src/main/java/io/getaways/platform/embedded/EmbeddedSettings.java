package io.getaways.platform.embedded;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

/** Embedded-mode settings, read straight from the environment because they are needed before any bean exists. */
record EmbeddedSettings(String rolePrefix, String database, int postgresPort, int mongoPort, int redisPort,
		WalArchiving walArchiving) {

	/**
	 * Continuous WAL archiving of the embedded PostgreSQL: the shell command PostgreSQL runs for each finished segment
	 * ({@code %p} and {@code %f} as in {@code archive_command}) and the longest a segment may stay unfinished. Set by
	 * whichever module keeps backups; null leaves archiving off.
	 */
	record WalArchiving(String command, Duration timeout) {
	}

	static final String ARCHIVE_COMMAND = "getaways.embedded.postgres-archive-command";
	static final String ARCHIVE_TIMEOUT = "getaways.embedded.postgres-archive-timeout";

	static EmbeddedSettings from(Environment environment) {
		String archiveCommand = environment.getProperty(ARCHIVE_COMMAND, "");
		WalArchiving archiving = archiveCommand.isBlank() ? null
				: new WalArchiving(archiveCommand,
						DurationStyle.detectAndParse(environment.getProperty(ARCHIVE_TIMEOUT, "60s")));
		return new EmbeddedSettings(environment.getProperty("getaways.db.role-prefix", "getaways"),
				environment.getProperty("getaways.embedded.database", "getaways"),
				port(environment, "getaways.embedded.postgres-port"), port(environment, "getaways.embedded.mongo-port"),
				port(environment, "getaways.embedded.redis-port"), archiving);
	}

	private static int port(Environment environment, String name) {
		int port = environment.getProperty(name, Integer.class, 0);
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(name + " must be 0 (any free port) or a port number but was " + port);
		}
		return port;
	}
}
