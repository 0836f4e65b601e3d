package io.getaways.platform.embedded;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.getaways.platform.embedded.EmbeddedSettings.WalArchiving;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server whose cluster lives in the data directory and survives restarts.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final Path clusterDir;

	private final int port;

	private final WalArchiving archiving;

	private EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path clusterDir, WalArchiving archiving) {
		this.postgres = postgres;
		this.clusterDir = clusterDir;
		this.port = postgres.getPort();
		this.archiving = archiving;
	}

	static EmbeddedPostgresServer start(Path clusterDir, int port, WalArchiving archiving) {
		stopOrphanedPostmaster(clusterDir);
		EmbeddedPostgres postgres = launch(clusterDir, port == 0 ? FreePort.find() : port, archiving);
		log.info("Embedded PostgreSQL: port {}, cluster {}, WAL archiving {}", postgres.getPort(), clusterDir,
				archiving == null ? "off" : "on");
		return new EmbeddedPostgresServer(postgres, clusterDir, archiving);
	}

	/**
	 * Stops the server, keeping its cluster and port, so that {@link #restart()} brings
	 * it back for the same pool.
	 */
	public synchronized void stop() {
		if (postgres != null) {
			close(postgres);
			postgres = null;
		}
	}

	public synchronized void restart() {
		if (postgres == null) {
			postgres = launch(clusterDir, port, archiving);
		}
	}

	private static EmbeddedPostgres launch(Path clusterDir, int port, WalArchiving archiving) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(clusterDir)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setPGStartupWait(Duration.ofSeconds(60))
			// zonky turns synchronous_commit off for speed; money and seats need durable
			// commits
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("max_connections", "200")
			.setServerConfig("archive_mode", archiving == null ? "off" : "on");
		if (archiving != null) {
			builder.setServerConfig("wal_level", "replica")
				.setServerConfig("archive_timeout", archiving.timeout().toSeconds() + "s");
		}
		EmbeddedPostgres started;
		try {
			started = builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Embedded PostgreSQL did not start in " + clusterDir + ": " + ex.getMessage(), ex);
		}
		if (archiving != null) {
			setArchiveCommand(started, archiving.command());
		}
		return started;
	}

	/**
	 * Through ALTER SYSTEM rather than the command line, which pg_ctl passes through a
	 * shell that would split the command's own spaces and quotes. It lands in
	 * postgresql.auto.conf and so in every base backup, where a restore overrides it by
	 * starting with {@code archive_mode=off}.
	 */
	private static void setArchiveCommand(EmbeddedPostgres postgres, String command) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("ALTER SYSTEM SET archive_command = '" + command.replace("'", "''") + "'");
			statement.execute("SELECT pg_reload_conf()");
		}
		catch (SQLException ex) {
			close(postgres);
			throw new IllegalStateException("Embedded PostgreSQL: could not set archive_command: " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * A process killed without a shutdown leaves its postmaster running; the data
	 * directory lock proves nobody owns it any more, so it is safe to stop before
	 * starting a new one.
	 */
	private static void stopOrphanedPostmaster(Path clusterDir) {
		Path pidFile = clusterDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
		if (postmaster.isEmpty()) {
			return;
		}
		log.warn("Embedded PostgreSQL: stopping orphaned postmaster pid {} left by an earlier process",
				postmaster.get().pid());
		postmaster.get().destroy();
		try {
			postmaster.get().onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Orphaned postmaster pid " + postmaster.get().pid() + " in " + clusterDir
					+ " did not stop; stop it by hand", ex);
		}
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			List<String> lines = Files.readAllLines(pidFile);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	int port() {
		return port;
	}

	String superuserJdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port() + "/" + database;
	}

	@Override
	public void close() {
		stop();
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL: stop failed: {}", ex.getMessage());
		}
	}

}
