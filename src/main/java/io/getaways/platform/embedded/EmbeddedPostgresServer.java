package io.getaways.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A PostgreSQL 17 server whose cluster lives in the data directory and survives restarts. */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final Path clusterDir;
	private final int port;
	private EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path clusterDir) {
		this.postgres = postgres;
		this.clusterDir = clusterDir;
		this.port = postgres.getPort();
	}

	static EmbeddedPostgresServer start(Path clusterDir, int port) {
		stopOrphanedPostmaster(clusterDir);
		EmbeddedPostgres postgres = launch(clusterDir, port == 0 ? FreePort.find() : port);
		log.info("Embedded PostgreSQL: port {}, cluster {}", postgres.getPort(), clusterDir);
		return new EmbeddedPostgresServer(postgres, clusterDir);
	}

	/** Stops the server, keeping its cluster and port, so that {@link #restart()} brings it back for the same pool. */
	public synchronized void stop() {
		if (postgres != null) {
			close(postgres);
			postgres = null;
		}
	}

	public synchronized void restart() {
		if (postgres == null) {
			postgres = launch(clusterDir, port);
		}
	}

	private static EmbeddedPostgres launch(Path clusterDir, int port) {
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(clusterDir)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setPGStartupWait(Duration.ofSeconds(60))
				// zonky turns synchronous_commit off for speed; money and seats need durable commits
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("max_connections", "200")
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Embedded PostgreSQL did not start in " + clusterDir + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * A process killed without a shutdown leaves its postmaster running; the data directory lock proves nobody owns it
	 * any more, so it is safe to stop before starting a new one.
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
