package io.getaways.operations.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.getaways.platform.config.NonBlank;
import io.getaways.platform.config.PositiveDuration;
import io.getaways.platform.config.SettingsRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code getaways.backup.pgbackrest.*}: how pgBackRest reaches an external PostgreSQL
 * server, which backups then go through. Unset {@code stanza} leaves pgBackRest out.
 * pgBackRest reads the data directory itself, so it runs on the database host (or reaches
 * it with {@code pg-host} over SSH), as the OS user owning the cluster
 * ({@code run-as-user} when the service runs as another user). Its repository is
 * {@code pgbackrest/} in the backup repository, encrypted with
 * {@code getaways.backup.key} as pass when one is set.
 */
@ConfigurationProperties("getaways.backup.pgbackrest")
@Validated
record PgBackRestProperties(String stanza, Path pgData, int pgPort, Path pgSocketPath, String pgHost, String pgHostUser,
		@DefaultValue("postgres") @NonBlank String pgUser, String runAsUser,
		@DefaultValue(PgBackRestSettings.DEFAULT_EXECUTABLE) @NonBlank String executable,
		@DefaultValue(PgBackRestSettings.DEFAULT_TIMEOUT) @PositiveDuration Duration timeout) implements SettingsRules {

	boolean configured() {
		return stanza != null && !stanza.isBlank();
	}

	@Override
	public void checkRules(Rules rules) {
		if (!configured()) {
			return;
		}
		// The name becomes a config section header and a directory in the repository.
		rules.require(stanza.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}"), "stanza",
				"must be at most 64 letters, digits, '_', '.' or '-', starting with a letter or digit");
		rules.require(pgData != null, "pgData", "must name the server's data directory when stanza is set");
		rules.require(pgPort >= 1 && pgPort <= 65535, "pgPort", "must be the server's port when stanza is set");
	}

	PgBackRestSettings settings(BackupSettings backup) {
		return new PgBackRestSettings(stanza, backup.repository().resolve("pgbackrest"), pgData, pgPort,
				Optional.ofNullable(pgSocketPath), Optional.ofNullable(pgHost).filter(h -> !h.isBlank()),
				Optional.ofNullable(pgHostUser).filter(u -> !u.isBlank()), pgUser,
				Optional.ofNullable(backup.key()).filter(k -> !k.isBlank()),
				Optional.ofNullable(runAsUser).filter(u -> !u.isBlank()), backup.keepBackups(),
				PgBackRestSettings.DEFAULT_COMPRESS_TYPE, executable, timeout);
	}
}
