package io.getaways.platform.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streaming standby of the embedded PostgreSQL in its own cluster directory, made once
 * from a base backup of the primary and kept across restarts. It streams through its own
 * physical replication slot (so the primary keeps the WAL it still needs) and names
 * itself in {@code application_name}, which {@code synchronous_standby_names} matches.
 */
public final class EmbeddedStandby implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedStandby.class);

	private static final String PORT_FILE = "getaways-port";

	/** Each standby's cluster is {@code <data-dir>/postgres-<name>}. */
	static final String DIRECTORY_PREFIX = "postgres-";

	private final String name;

	private final Path clusterDir;

	private final int port;

	private EmbeddedPostgres postgres;

	private EmbeddedStandby(String name, Path clusterDir, int port, EmbeddedPostgres postgres) {
		this.name = name;
		this.clusterDir = clusterDir;
		this.port = port;
		this.postgres = postgres;
	}

	/** Creates the standby the first time, then starts it on the port it was given. */
	static EmbeddedStandby start(String name, Path clusterDir, EmbeddedPostgresServer primary) {
		if (!Files.exists(clusterDir.resolve("PG_VERSION"))) {
			create(name, clusterDir, primary);
		}
		followPrimary(name, clusterDir, primary);
		int port = storedPort(clusterDir).orElseThrow(() -> new IllegalStateException(
				"Embedded standby " + name + ": " + PORT_FILE + " missing in " + clusterDir));
		EmbeddedStandby standby = new EmbeddedStandby(name, clusterDir, port, launch(clusterDir, port));
		log.info("Embedded PostgreSQL standby {}: port {}, cluster {}", name, port, clusterDir);
		return standby;
	}

	/**
	 * The standbys made in a data directory, by name, with the port each listens on when
	 * running: for the {@code replica} command, which runs beside the service.
	 */
	public static SortedMap<String, Integer> inDataDir(Path dataDir) {
		SortedMap<String, Integer> found = new TreeMap<>();
		try (Stream<Path> children = Files.list(dataDir)) {
			children.filter(child -> child.getFileName().toString().startsWith(DIRECTORY_PREFIX))
				.forEach(child -> storedPort(child).ifPresent(
						port -> found.put(child.getFileName().toString().substring(DIRECTORY_PREFIX.length()), port)));
		}
		catch (IOException ex) {
			// no data directory: no standbys
		}
		return found;
	}

	/** The replication slot the primary keeps for the standby of this name. */
	static String slotName(String name) {
		return "getaways_" + name.replace('-', '_');
	}

	private static void create(String name, Path clusterDir, EmbeddedPostgresServer primary) {
		log.info("Embedded PostgreSQL standby {}: creating from a base backup of the primary", name);
		Path staging = clusterDir.resolveSibling(clusterDir.getFileName() + ".creating");
		try (Connection connection = DriverManager.getConnection(primary.superuserJdbcUrl("postgres"), "postgres",
				null)) {
			execute(connection, """
					SELECT pg_create_physical_replication_slot(?, true)
					 WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = ?)
					""", slotName(name), slotName(name));
			StandbyFiles.deleteTree(staging);
			execute(connection, "SELECT pg_backup_start(?, true)", "standby " + name);
			Path dataDir = Path.of(query(connection, "SELECT current_setting('data_directory')"));
			StandbyFiles.copyCluster(dataDir, staging);
			String label = query(connection, "SELECT labelfile FROM pg_backup_stop(false)");
			Files.writeString(staging.resolve("backup_label"), label);
			Files.createFile(staging.resolve("standby.signal"));
			Files.writeString(staging.resolve(PORT_FILE), Integer.toString(FreePort.find()));
			Files.move(staging, clusterDir);
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException(
					"Embedded standby " + name + " could not be created in " + clusterDir + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The embedded primary takes a new port on every start unless one is configured, so
	 * where the standby streams from is written again before each start, over what the
	 * base backup copied from the primary's own {@code postgresql.auto.conf}.
	 */
	private static void followPrimary(String name, Path clusterDir, EmbeddedPostgresServer primary) {
		Path autoConf = clusterDir.resolve("postgresql.auto.conf");
		try {
			List<String> lines = new ArrayList<>(Files.readAllLines(autoConf)
				.stream()
				.filter(line -> !line.startsWith("primary_conninfo") && !line.startsWith("primary_slot_name"))
				.toList());
			lines.add("primary_conninfo = 'host=localhost port=%d user=postgres application_name=%s'"
				.formatted(primary.port(), name));
			lines.add("primary_slot_name = '%s'".formatted(slotName(name)));
			Files.write(autoConf, lines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Embedded standby " + name + ": cannot write " + autoConf + ": " + ex.getMessage(), ex);
		}
	}

	private static EmbeddedPostgres launch(Path clusterDir, int port) {
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(clusterDir)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setPGStartupWait(Duration.ofSeconds(120))
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("max_connections", "200")
				// a promoted standby must not archive into the primary's repository
				.setServerConfig("archive_mode", "off")
				.setServerConfig("hot_standby", "on")
				// long reads are not cancelled by the cleanup they would conflict with
				.setServerConfig("hot_standby_feedback", "on")
				.setServerConfig("wal_receiver_status_interval", "1s")
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Embedded standby did not start in " + clusterDir + ": " + ex.getMessage(),
					ex);
		}
	}

	private static Optional<Integer> storedPort(Path clusterDir) {
		try {
			return Optional.of(Integer.parseInt(Files.readString(clusterDir.resolve(PORT_FILE)).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static void execute(Connection connection, String sql, String... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			statement.execute();
		}
	}

	private static String query(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
			row.next();
			return row.getString(1);
		}
	}

	public String name() {
		return name;
	}

	public int port() {
		return port;
	}

	/**
	 * Superuser JDBC URL (trust authentication, local only), for promotion and drills.
	 */
	public String superuserJdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
	}

	/** The postmaster's process, for tests' fault drills; empty once stopped. */
	public synchronized Optional<ProcessHandle> postmaster() {
		return postgres == null ? Optional.empty() : StandbyFiles.postmaster(clusterDir);
	}

	@Override
	public synchronized void close() {
		if (postgres != null) {
			try {
				postgres.close();
			}
			catch (IOException ex) {
				log.warn("Embedded standby {}: stop failed: {}", name, ex.getMessage());
			}
			postgres = null;
		}
	}

}
