package io.getaways.imports.internal;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.getaways.support.TestTrips;

/**
 * A MariaDB server of the test's own, so the default test command needs no server on
 * 3306: a data directory made by {@code mariadb-install-db} in a temporary directory, a
 * free loopback port, grant tables skipped (tests run as root, so {@code --user=root}).
 * With {@code -Dgetaways.test.mysql-url=jdbc:mariadb://host:3306/?user=..&password=..}
 * the tests use that server instead, in a scratch database they drop.
 */
final class ScratchMariaDb implements AutoCloseable {

	static final String EXTERNAL_URL = "getaways.test.mysql-url";

	private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");

	private final Process process;

	private final Path directory;

	private final String serverUrl;

	final String database = "import_" + TestTrips.token(8).toLowerCase(java.util.Locale.ROOT);

	private ScratchMariaDb(Process process, Path directory, String serverUrl) throws SQLException {
		this.process = process;
		this.directory = directory;
		this.serverUrl = serverUrl;
		execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
	}

	static boolean available() {
		return !System.getProperty(EXTERNAL_URL, "").isBlank() || Files.isExecutable(MARIADBD);
	}

	static ScratchMariaDb start() throws Exception {
		String external = System.getProperty(EXTERNAL_URL, "");
		if (!external.isBlank()) {
			return new ScratchMariaDb(null, null, external);
		}
		Path directory = Files.createTempDirectory("getaways-mariadb");
		Path data = directory.resolve("data");
		run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + data, "--user=root", "--skip-test-db",
				"--auth-root-authentication-method=normal"), directory.resolve("install.log"));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = new ProcessBuilder(MARIADBD.toString(), "--no-defaults", "--datadir=" + data,
				"--socket=" + directory.resolve("mariadb.sock"), "--port=" + port, "--bind-address=127.0.0.1",
				"--user=root", "--skip-grant-tables", "--innodb-buffer-pool-size=16M",
				"--pid-file=" + directory.resolve("mariadb.pid"))
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("mariadbd.log").toFile())
			.start();
		String url = "jdbc:mariadb://127.0.0.1:" + port + "/?user=root";
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			try (Connection ignored = DriverManager.getConnection(url)) {
				break;
			}
			catch (SQLException notYet) {
				if (!process.isAlive() || Instant.now().isAfter(deadline)) {
					process.destroyForcibly();
					throw new IllegalStateException(
							"mariadbd did not start: " + Files.readString(directory.resolve("mariadbd.log")), notYet);
				}
				Thread.sleep(200);
			}
		}
		return new ScratchMariaDb(process, directory, url);
	}

	private static void run(List<String> command, Path log) throws IOException, InterruptedException {
		Process install = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (install.waitFor() != 0) {
			throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(log));
		}
	}

	/** A URL into the scratch database, with a password the report must mask. */
	String url() {
		String base = serverUrl.replaceFirst("/\\?", "/" + database + "?");
		return base + (base.contains("password=") ? "" : "&password=not-shown");
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(serverUrl.replaceFirst("/\\?", "/" + database + "?"));
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(serverUrl);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Override
	public void close() throws Exception {
		execute("DROP DATABASE IF EXISTS " + database);
		if (process != null) {
			process.destroy();
			if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			try (Stream<Path> files = Files.walk(directory)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

}
