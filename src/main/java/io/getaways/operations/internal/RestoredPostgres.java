package io.getaways.operations.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server on a restored cluster, started from the embedded binaries on a free
 * port with archiving off (so that replaying old WAL never archives over the repository),
 * kept until closed. Its log goes to {@code log/} in the cluster, where a failed
 * recovery's reason is read back.
 */
final class RestoredPostgres implements AutoCloseable {

	private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

	private final Path clusterDir;

	private final EmbeddedPostgres server;

	private RestoredPostgres(Path clusterDir, EmbeddedPostgres server) {
		this.clusterDir = clusterDir;
		this.server = server;
	}

	static RestoredPostgres start(Path clusterDir, Duration recoveryTimeout) {
		EmbeddedPostgres server;
		try {
			server = EmbeddedPostgres.builder()
				.setDataDirectory(clusterDir)
				.setCleanDataDirectory(false)
				.setPort(freePort())
				// until the server accepts connections: once the backup's own WAL is
				// replayed; the rest is awaited below
				.setPGStartupWait(STARTUP_WAIT)
				.setServerConfig("archive_mode", "off")
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("logging_collector", "on")
				.setServerConfig("log_directory", "log")
				.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new BackupFailedException("PostgreSQL did not start on the restored cluster: "
					+ lastFatal(clusterDir).orElse(String.valueOf(ex.getMessage())), ex);
		}
		RestoredPostgres restored = new RestoredPostgres(clusterDir, server);
		restored.awaitPromotion(recoveryTimeout);
		return restored;
	}

	private void awaitPromotion(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			try (Connection connection = superuser().getConnection();
					Statement statement = connection.createStatement();
					var row = statement.executeQuery("SELECT pg_is_in_recovery()")) {
				row.next();
				if (!row.getBoolean(1)) {
					return;
				}
			}
			catch (SQLException ex) {
				close();
				throw new BackupFailedException(
						"recovery stopped: " + lastFatal(clusterDir).orElse(String.valueOf(ex.getMessage())));
			}
			if (System.nanoTime() > deadline) {
				close();
				throw new BackupFailedException("recovery did not finish within " + timeout.toMinutes() + " min");
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				close();
				throw new BackupFailedException("interrupted during recovery");
			}
		}
	}

	DataSource superuser() {
		return server.getPostgresDatabase();
	}

	DataSource database(String name) {
		return server.getDatabase("postgres", name);
	}

	int port() {
		return server.getPort();
	}

	/** The commit time of the last transaction recovery replayed, if it replayed any. */
	Optional<Instant> lastReplayedCommit() {
		try (Connection connection = superuser().getConnection();
				Statement statement = connection.createStatement();
				var row = statement.executeQuery("SELECT pg_last_xact_replay_timestamp()")) {
			row.next();
			return Optional.ofNullable(row.getTimestamp(1)).map(java.sql.Timestamp::toInstant);
		}
		catch (SQLException ex) {
			throw new BackupFailedException("cannot read the replay position: " + ex.getMessage(), ex);
		}
	}

	/** Removes the recovery settings, so that the cluster starts later as any other. */
	void clearRecoverySettings() {
		try (Connection connection = superuser().getConnection(); Statement statement = connection.createStatement()) {
			for (String setting : List.of("restore_command", "recovery_target_name", "recovery_target_time",
					"recovery_target_action", "recovery_target_timeline", "recovery_target_inclusive")) {
				statement.execute("ALTER SYSTEM RESET " + setting);
			}
		}
		catch (SQLException ex) {
			throw new BackupFailedException("cannot clear the recovery settings: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		try {
			server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The last FATAL or PANIC line of the server's log, which names why recovery or
	 * start-up stopped.
	 */
	static Optional<String> lastFatal(Path clusterDir) {
		Path logs = clusterDir.resolve("log");
		if (!Files.isDirectory(logs)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(logs)) {
			Optional<Path> newest = files.max(Comparator.comparing(Path::toString));
			if (newest.isEmpty()) {
				return Optional.empty();
			}
			return Files.readAllLines(newest.get())
				.stream()
				.filter(line -> line.contains("FATAL:") || line.contains("PANIC:"))
				.reduce((a, b) -> b)
				.map(line -> line.substring(line.indexOf(line.contains("FATAL:") ? "FATAL:" : "PANIC:")));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
