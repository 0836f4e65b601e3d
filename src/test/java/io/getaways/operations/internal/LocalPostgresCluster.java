package io.getaways.operations.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL server on this host, run from the distribution's binaries.
 * initdb and postgres refuse to run as root, so when the JVM is root (sessions, CI) every
 * command runs as the {@code postgres} OS user instead.
 */
final class LocalPostgresCluster {

	static final Path BIN_DIR = Path.of(System.getProperty("getaways.test.pg-bindir", "/usr/lib/postgresql/15/bin"));

	private static final String SUPERUSER = "postgres";

	private static final long COMMAND_TIMEOUT_SECONDS = 60;

	private final Path dataDir;

	private final Path socketDir;

	private final Path logFile;

	private final int port;

	private boolean running;

	private LocalPostgresCluster(Path dataDir, Path socketDir) {
		this.dataDir = dataDir;
		this.socketDir = socketDir;
		this.logFile = socketDir.resolveSibling(dataDir.getFileName() + ".log");
		// Chosen up front: pgBackRest's settings need the port before the server is
		// started.
		this.port = freePort();
	}

	/**
	 * The OS user the server and pgBackRest run as: postgres when we are root, otherwise
	 * ourselves.
	 */
	static String osUser() {
		String me = System.getProperty("user.name");
		return "root".equals(me) ? "postgres" : me;
	}

	static boolean binariesPresent() {
		return Files.isExecutable(BIN_DIR.resolve("initdb")) && Files.isExecutable(BIN_DIR.resolve("pg_ctl"))
				&& Files.isExecutable(BIN_DIR.resolve("postgres"));
	}

	/** A new cluster in {@code dataDir}; the directory must not exist yet. */
	static LocalPostgresCluster init(Path dataDir, Path socketDir) {
		LocalPostgresCluster cluster = new LocalPostgresCluster(dataDir, socketDir);
		run(BIN_DIR.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER, "-A", "trust", "-E",
				"UTF8", "--no-sync");
		return cluster;
	}

	/** A cluster whose data directory is already there, e.g. restored from a backup. */
	static LocalPostgresCluster existing(Path dataDir, Path socketDir) {
		return new LocalPostgresCluster(dataDir, socketDir);
	}

	/**
	 * Appends settings to postgresql.conf; later lines win over earlier ones, including a
	 * restored copy's.
	 */
	void configure(Map<String, String> settings) {
		StringBuilder lines = new StringBuilder("\n");
		settings
			.forEach((name, value) -> lines.append(name).append(" = '").append(value.replace("'", "''")).append("'\n"));
		try {
			Files.writeString(dataDir.resolve("postgresql.conf"), lines, StandardCharsets.UTF_8,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts and waits until the server accepts connections, which for a restored copy
	 * means recovery is over.
	 */
	void start() {
		run(BIN_DIR.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", logFile.toString(), "-w", "-t",
				String.valueOf(COMMAND_TIMEOUT_SECONDS), "-o",
				"-p " + port + " -k " + socketDir + " -c listen_addresses=127.0.0.1", "start");
		running = true;
	}

	void stop() {
		if (running) {
			running = false;
			run(BIN_DIR.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
		}
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, null);
	}

	int port() {
		return port;
	}

	Path dataDir() {
		return dataDir;
	}

	Path socketDir() {
		return socketDir;
	}

	String superuser() {
		return SUPERUSER;
	}

	String log() {
		try {
			return Files.exists(logFile) ? Files.readString(logFile) : "";
		}
		catch (IOException ex) {
			return "(cannot read " + logFile + ": " + ex.getMessage() + ")";
		}
	}

	/**
	 * A directory the server's OS user owns, mode 0700 as PostgreSQL and pgBackRest
	 * expect.
	 */
	static Path ownedDirectory(Path dir) {
		try {
			Files.createDirectories(dir);
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
			Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUser()));
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void run(String... command) {
		List<String> cmd = new ArrayList<>();
		if (!osUser().equals(System.getProperty("user.name"))) {
			cmd.addAll(List.of("runuser", "-u", osUser(), "--"));
		}
		cmd.addAll(List.of(command));
		try {
			Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
				.start();
			// pg_ctl start leaves the server holding no inherited pipe (its output goes
			// to -l), so this read ends.
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + String.join(" ", cmd));
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"Failed (exit " + process.exitValue() + "): " + String.join(" ", cmd) + "\n" + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted: " + String.join(" ", cmd), ex);
		}
	}

}
