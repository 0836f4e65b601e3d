package io.getaways.operations.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code getaways.backup.pgbackrest.*}: how pgBackRest reaches an external PostgreSQL server, which backups then go
 * through. Unset {@code stanza} leaves pgBackRest out. pgBackRest reads the data directory itself, so it runs on the
 * database host (or reaches it with {@code pg-host} over SSH), as the OS user owning the cluster ({@code run-as-user}
 * when the service runs as another user). Its repository is {@code pgbackrest/} in the backup repository, encrypted
 * with {@code getaways.backup.key} as pass when one is set.
 */
@ConfigurationProperties("getaways.backup.pgbackrest")
record PgBackRestProperties(String stanza, Path pgData, int pgPort, Path pgSocketPath, String pgHost,
		String pgHostUser, String pgUser, String runAsUser, String executable, Duration timeout) {

	boolean configured() {
		return stanza != null && !stanza.isBlank();
	}

	PgBackRestSettings settings(BackupSettings backup) {
		if (pgData == null) {
			throw new IllegalStateException("getaways.backup.pgbackrest.pg-data must name the server's data directory "
					+ "when getaways.backup.pgbackrest.stanza is set");
		}
		if (pgPort < 1 || pgPort > 65535) {
			throw new IllegalStateException("getaways.backup.pgbackrest.pg-port must be the server's port but was "
					+ pgPort);
		}
		return new PgBackRestSettings(stanza, backup.repository().resolve("pgbackrest"), pgData, pgPort,
				Optional.ofNullable(pgSocketPath), Optional.ofNullable(pgHost).filter(h -> !h.isBlank()),
				Optional.ofNullable(pgHostUser).filter(u -> !u.isBlank()),
				pgUser == null || pgUser.isBlank() ? "postgres" : pgUser,
				Optional.ofNullable(backup.key()).filter(k -> !k.isBlank()),
				Optional.ofNullable(runAsUser).filter(u -> !u.isBlank()), backup.keepBackups(),
				PgBackRestSettings.DEFAULT_COMPRESS_TYPE, executable == null || executable.isBlank() ? "pgbackrest"
						: executable,
				timeout == null ? PgBackRestSettings.DEFAULT_TIMEOUT : timeout);
	}
}
