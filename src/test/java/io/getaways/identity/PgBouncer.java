package io.getaways.identity;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.postgresql.Driver;
import org.springframework.util.FileSystemUtils;

/**
 * A real PgBouncer (Debian package {@code pgbouncer}) in transaction pooling mode in
 * front of the tests' PostgreSQL, with one server connection per database and user, so
 * every client's transactions share it. Without the binary the calling test skips, unless
 * {@value #REQUIRE_PROPERTY} makes its absence a failure (CI).
 */
final class PgBouncer implements AutoCloseable {

	static final String REQUIRE_PROPERTY = "getaways.test.require-pgbouncer";

	private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

	private final Process process;

	private final int port;

	private final String database;

	private final Path dir;

	private PgBouncer(Process process, int port, String database, Path dir) {
		this.process = process;
		this.port = port;
		this.database = database;
		this.dir = dir;
	}

	/** Skips (or fails, where required) when PgBouncer is not installed. */
	static void requireInstalled() {
		if (!Files.isExecutable(BINARY)) {
			String missing = BINARY + " not found (Debian package pgbouncer)";
			if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
				fail(missing + "; " + REQUIRE_PROPERTY + "=true makes this test mandatory");
			}
			assumeTrue(false, "Skipped: " + missing);
		}
	}

	/**
	 * Started in front of the server {@code jdbcUrl} names; PgBouncer logs in there with
	 * these credentials whoever the client says it is ({@code auth_type = any}).
	 */
	static PgBouncer start(String jdbcUrl, String user, String password) throws Exception {
		Properties target = Driver.parseURL(jdbcUrl, null);
		String database = target.getProperty("PGDBNAME");
		Path dir = Files.createTempDirectory("pgbouncer-it");
		int port = freePort();
		Files.writeString(dir.resolve("pgbouncer.ini"), """
				[databases]
				%s = host=%s port=%s dbname=%s user=%s password=%s

				[pgbouncer]
				listen_addr = 127.0.0.1
				listen_port = %d
				unix_socket_dir =
				auth_type = any
				pool_mode = transaction
				default_pool_size = 1
				max_client_conn = 50
				server_reset_query =
				ignore_startup_parameters = extra_float_digits,options
				logfile = %s
				pidfile = %s
				""".formatted(database, target.getProperty("PGHOST"), target.getProperty("PGPORT"), database, user,
				password, port, dir.resolve("pgbouncer.log"), dir.resolve("pgbouncer.pid")));
		// PgBouncer refuses to run as root; sessions and CI run as root
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
			for (Path file : List.of(dir, dir.resolve("pgbouncer.ini"))) {
				Files.setOwner(file,
						file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
			}
		}
		command.addAll(List.of(BINARY.toString(), dir.resolve("pgbouncer.ini").toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("pgbouncer.out").toFile())
			.start();
		PgBouncer bouncer = new PgBouncer(process, port, database, dir);
		bouncer.awaitListening(Duration.ofSeconds(20));
		return bouncer;
	}

	/**
	 * A JDBC URL through PgBouncer. Debian's PgBouncer (1.18) does not track prepared
	 * statements, so the driver must not prepare any on the server.
	 */
	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?prepareThreshold=0";
	}

	private void awaitListening(Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("PgBouncer exited: " + log());
			}
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("PgBouncer did not listen within " + timeout + ": " + log());
	}

	private String log() throws IOException {
		Path out = dir.resolve("pgbouncer.out");
		Path log = dir.resolve("pgbouncer.log");
		return (Files.exists(out) ? Files.readString(out) : "") + (Files.exists(log) ? Files.readString(log) : "");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException, IOException {
		// PgBouncer itself, not only the runuser in front of it
		Path pidFile = dir.resolve("pgbouncer.pid");
		if (Files.exists(pidFile)) {
			ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(ProcessHandle::destroy);
		}
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		FileSystemUtils.deleteRecursively(dir);
	}

}
