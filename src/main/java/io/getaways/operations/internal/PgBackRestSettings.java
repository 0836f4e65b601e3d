package io.getaways.operations.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.springframework.boot.convert.DurationStyle;

/**
 * Where pgBackRest keeps one stanza and how it reaches the PostgreSQL server it backs up.
 * Built from {@link PgBackRestProperties} and {@link BackupSettings}, which validate each
 * value when they are bound.
 *
 * <p>
 * pgBackRest reads the data directory itself, so it has to run as the OS user that owns
 * it; {@code runAsUser} names that user when the JVM runs as someone else (typically root
 * in containers and CI). Repository encryption is optional and, when a pass is given,
 * always {@value #CIPHER_TYPE}: it is the only cipher pgBackRest supports.
 */
record PgBackRestSettings(String stanza, Path repoPath, Path pgDataPath, int pgPort, Optional<Path> pgSocketPath,
		Optional<String> pgHost, Optional<String> pgHostUser, String pgUser, Optional<String> cipherPass,
		Optional<String> runAsUser, int retentionFull, String compressType, String executable, Duration timeout) {

	public static final String CIPHER_TYPE = "aes-256-cbc";

	/**
	 * gz is compiled into every pgBackRest build; lz4 is faster but "not available on all
	 * platforms".
	 */
	public static final String DEFAULT_COMPRESS_TYPE = "gz";

	/** The default of {@code getaways.backup.pgbackrest.executable}. */
	static final String DEFAULT_EXECUTABLE = "pgbackrest";

	/** The default of {@code getaways.backup.pgbackrest.timeout}. */
	static final String DEFAULT_TIMEOUT = "30m";

	public PgBackRestSettings {
		Objects.requireNonNull(stanza, "stanza");
		repoPath = repoPath.toAbsolutePath().normalize();
		pgDataPath = pgDataPath.toAbsolutePath().normalize();
		Objects.requireNonNull(pgSocketPath, "pgSocketPath");
		Objects.requireNonNull(pgHost, "pgHost");
		Objects.requireNonNull(pgHostUser, "pgHostUser");
		Objects.requireNonNull(pgUser, "pgUser");
		Objects.requireNonNull(cipherPass, "cipherPass");
		Objects.requireNonNull(runAsUser, "runAsUser");
		Objects.requireNonNull(compressType, "compressType");
		Objects.requireNonNull(executable, "executable");
		Objects.requireNonNull(timeout, "timeout");
	}

	/**
	 * A server on this host, reached over its Unix socket directory, with two full
	 * backups kept.
	 */
	public static PgBackRestSettings local(String stanza, Path repoPath, Path pgDataPath, int pgPort, Path pgSocketPath,
			String pgUser) {
		return new PgBackRestSettings(stanza, repoPath, pgDataPath, pgPort, Optional.of(pgSocketPath), Optional.empty(),
				Optional.empty(), pgUser, Optional.empty(), Optional.empty(), 2, DEFAULT_COMPRESS_TYPE,
				DEFAULT_EXECUTABLE, DurationStyle.detectAndParse(DEFAULT_TIMEOUT));
	}

	public PgBackRestSettings withRunAsUser(String user) {
		return new PgBackRestSettings(stanza, repoPath, pgDataPath, pgPort, pgSocketPath, pgHost, pgHostUser, pgUser,
				cipherPass, Optional.of(user), retentionFull, compressType, executable, timeout);
	}

	public PgBackRestSettings withCipherPass(String pass) {
		return new PgBackRestSettings(stanza, repoPath, pgDataPath, pgPort, pgSocketPath, pgHost, pgHostUser, pgUser,
				Optional.of(pass), runAsUser, retentionFull, compressType, executable, timeout);
	}

	public PgBackRestSettings withTimeout(Duration limit) {
		return new PgBackRestSettings(stanza, repoPath, pgDataPath, pgPort, pgSocketPath, pgHost, pgHostUser, pgUser,
				cipherPass, runAsUser, retentionFull, compressType, executable, limit);
	}

	Path configFile() {
		return repoPath.resolve("pgbackrest.conf");
	}

	/** Keeps the cipher pass out of logs and exception messages. */
	@Override
	public String toString() {
		return "PgBackRestSettings[stanza=" + stanza + ", repoPath=" + repoPath + ", pgDataPath=" + pgDataPath
				+ ", pgPort=" + pgPort + ", pgSocketPath=" + pgSocketPath + ", pgHost=" + pgHost + ", pgHostUser="
				+ pgHostUser + ", pgUser=" + pgUser + ", cipher=" + (cipherPass.isPresent() ? CIPHER_TYPE : "none")
				+ ", runAsUser=" + runAsUser + ", retentionFull=" + retentionFull + ", compressType=" + compressType
				+ ", executable=" + executable + ", timeout=" + timeout + "]";
	}
}
