package io.getaways.operations.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real PostgreSQL 15 server archiving its WAL through pgBackRest into a repository of
 * its own, with a table of ids and a first full backup, for the pgBackRest tests. A test
 * class registers one in a static {@code @RegisterExtension} field: it starts before the
 * class's first test and is closed after its last. Without pgBackRest or the server
 * binaries, each test skips naming what is missing, unless {@value #REQUIRE_PROPERTY}
 * makes their absence a failure (CI).
 */
final class PgBackRestServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {

	static final String REQUIRE_PROPERTY = "getaways.test.require-pgbackrest";

	static final String STANZA = "getaways";

	static final String INSERT_RANGE = "INSERT INTO bookings SELECT generate_series(%d, %d)";

	/**
	 * Both the getaways.backup.key and, as the backup commands set it, pgBackRest's
	 * cipher pass.
	 */
	static final String BACKUP_KEY = "dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LTMyYiE=";

	private static final String CREATE_TABLE = "CREATE TABLE bookings (id int PRIMARY KEY)";

	private static final String SELECT_IDS = "SELECT id FROM bookings ORDER BY id";

	private static final String SERVER_TIME = "SELECT clock_timestamp()";

	private static final String SWITCH_WAL = "SELECT pg_walfile_name(pg_switch_wal())";

	private static final String IN_RECOVERY = "SELECT pg_is_in_recovery()";

	private static final Duration ARCHIVE_WAIT = Duration.ofSeconds(30);

	private final List<LocalPostgresCluster> clusters = new ArrayList<>();

	private Path workDir;

	private Path backupRepository;

	private LocalPostgresCluster primary;

	private PgBackRest pgBackRest;

	private String fullBackup;

	private Optional<String> missing = Optional.empty();

	/**
	 * Starts the server with rows 1 to 3 and a full backup of them, unless a prerequisite
	 * is missing and not required. A start that fails half-way stops what it started and
	 * deletes its files before it throws.
	 */
	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		missing = missingPrerequisite();
		if (missing.isPresent()) {
			if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
				fail(missing.get() + "; " + REQUIRE_PROPERTY + "=true makes this test mandatory");
			}
			return;
		}
		try {
			start();
		}
		catch (Exception | AssertionError ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Per test rather than before all: Surefire reports a class-level skip as zero tests
	 * and drops the reason.
	 */
	@Override
	public void beforeEach(ExtensionContext context) {
		assumeTrue(missing.isEmpty(), () -> "Skipped: " + missing.orElseThrow());
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		close();
	}

	private void start() throws Exception {
		workDir = LocalPostgresCluster.ownedDirectory(Files.createTempDirectory("getaways-pgbackrest-"));
		backupRepository = LocalPostgresCluster.ownedDirectory(workDir.resolve("backups"));
		Path socketDir = LocalPostgresCluster.ownedDirectory(workDir.resolve("socket"));
		// pgBackRest's repository inside the one the backup commands use, where they
		// expect it
		Path repo = LocalPostgresCluster.ownedDirectory(backupRepository.resolve("pgbackrest"));
		primary = track(LocalPostgresCluster.init(workDir.resolve("primary"), socketDir));

		PgBackRestSettings settings = PgBackRestSettings
			.local(STANZA, repo, primary.dataDir(), primary.port(), socketDir, primary.superuser())
			.withRunAsUser(LocalPostgresCluster.osUser())
			.withCipherPass(BACKUP_KEY)
			.withTimeout(Duration.ofSeconds(60));
		pgBackRest = new PgBackRest(settings);
		pgBackRest.writeConfig();

		primary.configure(Map.of("wal_level", "replica", "archive_mode", "on", "archive_command",
				pgBackRest.archiveCommand(), "archive_timeout", "60"));
		primary.start();
		execute(primary, CREATE_TABLE, INSERT_RANGE.formatted(1, 3));

		pgBackRest.stanzaCreate();
		pgBackRest.check();
		fullBackup = pgBackRest.backup("full");
	}

	private static Optional<String> missingPrerequisite() {
		if (!onPath("pgbackrest")) {
			return Optional.of("pgbackrest is not on the PATH (Debian: apt-get install pgbackrest)");
		}
		if (!LocalPostgresCluster.binariesPresent()) {
			return Optional.of("PostgreSQL 15 binaries not found in " + LocalPostgresCluster.BIN_DIR);
		}
		if ("root".equals(System.getProperty("user.name")) && !onPath("runuser")) {
			return Optional.of("running as root but runuser is missing to switch to the postgres user");
		}
		return Optional.empty();
	}

	LocalPostgresCluster primary() {
		return primary;
	}

	PgBackRest pgBackRest() {
		return pgBackRest;
	}

	String fullBackup() {
		return fullBackup;
	}

	Path workDir() {
		return workDir;
	}

	Path backupRepository() {
		return backupRepository;
	}

	/**
	 * Starts a restored copy; archiving stays off so the copy never pushes WAL into the
	 * primary's repository.
	 */
	LocalPostgresCluster startRestored(Path dataDir) throws Exception {
		LocalPostgresCluster copy = track(LocalPostgresCluster.existing(dataDir, primary.socketDir()));
		copy.configure(Map.of("archive_mode", "off"));
		copy.start();
		long deadline = System.nanoTime() + ARCHIVE_WAIT.toNanos();
		// pg_ctl returns once hot standby accepts connections; the rows are final only
		// after the promotion.
		while (inRecovery(copy)) {
			if (System.nanoTime() > deadline) {
				fail("Restored server still in recovery after " + ARCHIVE_WAIT + ":\n" + copy.log());
			}
			Thread.sleep(200);
		}
		return copy;
	}

	/**
	 * Switches to a new WAL file and waits until pgBackRest has archived the one it
	 * closed.
	 */
	void archiveCurrentWal() throws SQLException, InterruptedException {
		String walFile = switchWal(primary);
		long deadline = System.nanoTime() + ARCHIVE_WAIT.toNanos();
		while (pgBackRest.info().archiveMax().filter(max -> max.compareTo(walFile) >= 0).isEmpty()) {
			if (System.nanoTime() > deadline) {
				fail("WAL " + walFile + " not archived after " + ARCHIVE_WAIT + ":\n" + primary.log());
			}
			Thread.sleep(200);
		}
	}

	/** Stops every server started and deletes the files; a second call does nothing. */
	@Override
	public void close() throws IOException {
		if (workDir == null) {
			return;
		}
		for (LocalPostgresCluster cluster : clusters) {
			try {
				cluster.stop();
			}
			catch (RuntimeException ex) {
				// Keep going: the other servers and the files still have to go.
				System.err.println("Could not stop PostgreSQL in " + cluster.dataDir() + ": " + ex.getMessage());
			}
		}
		try (Stream<Path> files = Files.walk(workDir)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		clusters.clear();
		workDir = null;
	}

	static void execute(LocalPostgresCluster cluster, String... statements) throws SQLException {
		try (Connection connection = cluster.connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	static Instant serverTime(LocalPostgresCluster cluster) throws SQLException {
		try (Connection connection = cluster.connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(SERVER_TIME)) {
			row.next();
			return row.getObject(1, OffsetDateTime.class).toInstant();
		}
	}

	static List<Integer> ids(LocalPostgresCluster cluster) throws SQLException {
		List<Integer> ids = new ArrayList<>();
		try (Connection connection = cluster.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(SELECT_IDS)) {
			while (rows.next()) {
				ids.add(rows.getInt(1));
			}
		}
		return ids;
	}

	private LocalPostgresCluster track(LocalPostgresCluster cluster) {
		clusters.add(cluster);
		return cluster;
	}

	private static String switchWal(LocalPostgresCluster cluster) throws SQLException {
		try (Connection connection = cluster.connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(SWITCH_WAL)) {
			row.next();
			return row.getString(1);
		}
	}

	private static boolean inRecovery(LocalPostgresCluster cluster) throws SQLException {
		try (Connection connection = cluster.connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(IN_RECOVERY)) {
			row.next();
			return row.getBoolean(1);
		}
	}

	private static boolean onPath(String program) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter(dir -> !dir.isEmpty())
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
	}

}
