package io.getaways.platform.embedded;

import java.time.Duration;

import io.getaways.platform.config.AtLeast;
import io.getaways.platform.config.AtMost;
import io.getaways.platform.config.NonBlank;
import io.getaways.platform.config.PositiveDuration;
import io.getaways.platform.config.SettingsBinder;
import io.getaways.platform.db.DatabaseSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.validation.annotation.Validated;

/**
 * Embedded-mode settings, bound straight from the environment because they are needed
 * before any bean exists: the servers' own ({@link Embedded}) and the role prefix of
 * {@link DatabaseSettings}.
 */
record EmbeddedSettings(String rolePrefix, String database, int postgresPort, int mongoPort, int redisPort,
		WalArchiving walArchiving, int replicas, boolean synchronousReplicas) {

	/**
	 * Continuous WAL archiving of the embedded PostgreSQL: the shell command PostgreSQL
	 * runs for each finished segment ({@code %p} and {@code %f} as in
	 * {@code archive_command}) and the longest a segment may stay unfinished. Set by
	 * whichever module keeps backups; null leaves archiving off.
	 */
	record WalArchiving(String command, Duration timeout) {
	}

	static EmbeddedSettings from(Environment environment) {
		Binder binder = Binder.get(environment);
		Embedded embedded = SettingsBinder.bind(binder, Embedded.class);
		String archiveCommand = embedded.postgresArchiveCommand();
		WalArchiving archiving = archiveCommand == null || archiveCommand.isBlank() ? null
				: new WalArchiving(archiveCommand, embedded.postgresArchiveTimeout());
		return new EmbeddedSettings(SettingsBinder.bind(binder, DatabaseSettings.class).rolePrefix(),
				embedded.database(), embedded.postgresPort(), embedded.mongoPort(), embedded.redisPort(), archiving,
				embedded.replicas(), environment.getProperty("getaways.replicas.synchronous", Boolean.class, false));
	}

	/**
	 * {@code getaways.embedded.*}: the database name, each server's port (0, the default,
	 * for any free port), and the WAL archiving that a module keeping backups asks for
	 * (no command, no archiving), and how many streaming standbys of PostgreSQL to run.
	 */
	@ConfigurationProperties("getaways.embedded")
	@Validated
	record Embedded(@DefaultValue("getaways") @NonBlank String database,
			@DefaultValue("0") @AtLeast("0") @AtMost("65535") int postgresPort,
			@DefaultValue("0") @AtLeast("0") @AtMost("65535") int mongoPort,
			@DefaultValue("0") @AtLeast("0") @AtMost("65535") int redisPort, String postgresArchiveCommand,
			@DefaultValue("60s") @PositiveDuration Duration postgresArchiveTimeout,
			@DefaultValue("0") @AtLeast("0") @AtMost("4") int replicas) {
	}
}
