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

import io.getaways.operations.internal.PgBackRestInfo.Backup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Backs up a real PostgreSQL 15 server with pgBackRest and restores it to a point in time. Skipped where pgBackRest
 * or the server binaries are missing, unless {@value #REQUIRE_PROPERTY} makes their absence a failure (CI).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgBackRestIT {

	private static final String REQUIRE_PROPERTY = "getaways.test.require-pgbackrest";

	private static final String STANZA = "getaways";

	private static final String CREATE_TABLE = "CREATE TABLE bookings (id int PRIMARY KEY)";

	private static final String INSERT_RANGE = "INSERT INTO bookings SELECT generate_series(%d, %d)";

	private static final String SELECT_IDS = "SELECT id FROM bookings ORDER BY id";

	private static final String SERVER_TIME = "SELECT clock_timestamp()";

	private static final String SWITCH_WAL = "SELECT pg_walfile_name(pg_switch_wal())";

	private static final String IN_RECOVERY = "SELECT pg_is_in_recovery()";

	private static final Duration ARCHIVE_WAIT = Duration.ofSeconds(30);

	/** Both the getaways.backup.key and, as the backup commands set it, pgBackRest's cipher pass. */
	private static final String BACKUP_KEY = "dGVzdC1vbmx5LWtleS10ZXN0LW9ubHkta2V5LTMyYiE=";

	private Path backupRepository;

	private final List<LocalPostgresCluster> clusters = new ArrayList<>();

	private Optional<String> missing = Optional.empty();

	private Path workDir;

	private LocalPostgresCluster primary;

	private PgBackRest pgBackRest;

	private String fullBackup;

	@BeforeAll
	void startServerAndTakeFullBackup() throws Exception {
		missing = missingPrerequisite();
		if (missing.isPresent()) {
			if (Boolean.getBoolean(REQUIRE_PROPERTY)) {
				fail(missing.get() + "; " + REQUIRE_PROPERTY + "=true makes this test mandatory");
			}
			return;
		}

		workDir = LocalPostgresCluster.ownedDirectory(Files.createTempDirectory("getaways-pgbackrest-"));
		Path socketDir = LocalPostgresCluster.ownedDirectory(workDir.resolve("socket"));
		// the repository the backup commands use, with pgBackRest's own inside it where they expect it
		backupRepository = LocalPostgresCluster.ownedDirectory(workDir.resolve("backups"));
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

	/** Per test rather than in @BeforeAll: Surefire reports a class-level skip as zero tests and drops the reason. */
	@BeforeEach
	void skipWithoutPrerequisites() {
		assumeTrue(missing.isEmpty(), () -> "Skipped: " + missing.orElseThrow());
	}

	@AfterAll
	void stopServersAndDeleteFiles() throws IOException {
		for (LocalPostgresCluster cluster : clusters) {
			try {
				cluster.stop();
			}
			catch (RuntimeException ex) {
				// Keep going: the other servers and the files still have to go.
				System.err.println("Could not stop PostgreSQL in " + cluster.dataDir() + ": " + ex.getMessage());
			}
		}
		if (workDir != null) {
			try (Stream<Path> files = Files.walk(workDir)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@Test
	void restoreToATimeKeepsExactlyTheRowsCommittedBeforeIt() throws Exception {
		execute(primary, INSERT_RANGE.formatted(4, 6));
		Instant target = serverTime(primary);
		execute(primary, INSERT_RANGE.formatted(7, 9));
		awaitArchived(switchWal(primary));

		Path restored = workDir.resolve("restored-to-time");
		pgBackRest.restore(restored, Optional.of(target), Optional.empty());
		LocalPostgresCluster copy = startRestored(restored);

		assertThat(ids(copy)).containsExactly(1, 2, 3, 4, 5, 6);
	}

	@Test
	void restoreOfABackupLabelStopsAtThatBackup() throws Exception {
		Path restored = workDir.resolve("restored-to-backup");
		pgBackRest.restore(restored, Optional.empty(), Optional.of(fullBackup));
		LocalPostgresCluster copy = startRestored(restored);

		assertThat(ids(copy)).containsExactly(1, 2, 3);
	}

	@Test
	void restoreRefusesANonEmptyDirectory() throws IOException {
		Path occupied = LocalPostgresCluster.ownedDirectory(workDir.resolve("occupied"));
		Files.writeString(occupied.resolve("PG_VERSION"), "15\n");

		assertThatThrownBy(() -> pgBackRest.restore(occupied, Optional.empty(), Optional.empty()))
			.isInstanceOf(PgBackRestException.class)
			.hasMessage("Refusing to restore into non-empty directory " + occupied);
		assertThatThrownBy(() -> pgBackRest.restore(primary.dataDir(), Optional.empty(), Optional.empty()))
			.isInstanceOf(PgBackRestException.class)
			.hasMessageStartingWith("Refusing to restore into the live data directory");
	}

	@Test
	void infoListsTheFullBackupWithItsLsnsAndWal() {
		PgBackRestInfo.StanzaInfo info = pgBackRest.info();

		assertThat(info.name()).isEqualTo(STANZA);
		assertThat(info.statusCode()).isZero();
		assertThat(info.archiveMax()).isPresent();
		Backup full = info.backups()
			.stream()
			.filter(backup -> backup.label().equals(fullBackup))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Backup " + fullBackup + " missing from " + info.backups()));
		assertThat(full.type()).isEqualTo("full");
		assertThat(full.lsnStart()).matches("[0-9A-F]+/[0-9A-F]+");
		assertThat(full.lsnStop()).matches("[0-9A-F]+/[0-9A-F]+");
		assertThat(full.archiveStart()).matches("[0-9A-F]{24}");
		assertThat(full.archiveStop()).isGreaterThanOrEqualTo(full.archiveStart());
		assertThat(full.stop()).isAfterOrEqualTo(full.start());
		assertThat(full.size()).isPositive();
		assertThat(full.repoSize()).isPositive();
	}

	@Test
	void anIncrementalBackupBuildsOnTheFullOneAndExpireKeepsBoth() {
		// No new rows here: the point-in-time test counts every row committed before its target.
		// Another test may have taken a full backup since, through the backup commands: the newest is the base.
		String newestFull = pgBackRest.info().backups().stream().filter(backup -> backup.type().equals("full"))
			.reduce((a, b) -> b).orElseThrow().label();
		String incremental = pgBackRest.backup("incr");
		pgBackRest.expire();

		assertThat(incremental).startsWith(newestFull + "_").endsWith("I");
		assertThat(pgBackRest.info().backups()).filteredOn(backup -> backup.label().equals(incremental))
			.singleElement()
			.satisfies(backup -> assertThat(backup.prior()).contains(newestFull));
		assertThat(pgBackRest.info().backups()).extracting(Backup::label).contains(fullBackup, newestFull);
	}

	@Test
	void aFailingCommandReportsPgBackRestsErrorLine() {
		assertThatThrownBy(() -> pgBackRest.backup("nightly")).isInstanceOf(IllegalArgumentException.class);
		PgBackRest wrongStanza = new PgBackRest(new PgBackRestSettings("missing", pgBackRest.settings().repoPath(),
				primary.dataDir(), primary.port(), pgBackRest.settings().pgSocketPath(), Optional.empty(),
				Optional.empty(), primary.superuser(), Optional.empty(), pgBackRest.settings().runAsUser(), 1,
				PgBackRestSettings.DEFAULT_COMPRESS_TYPE, "pgbackrest", Duration.ofSeconds(30)));

		// The config file is the real one, which has no [missing] section, so pg1-path is unknown to pgBackRest.
		assertThatThrownBy(wrongStanza::check).isInstanceOf(PgBackRestException.class)
			.hasMessageMatching("pgBackRest check failed \\(exit 37\\): ERROR: \\[037]: [^\\n]*pg1-path");
	}

	@Test
	void theBackupCommandsGoThroughPgBackRestForAnExternalServer() throws Exception {
		execute(primary, "CREATE TABLE trips (id int PRIMARY KEY)", "INSERT INTO trips SELECT generate_series(1, 3)");
		BackupOperations operations = new BackupOperations(BackupTestSupport.settings(backupRepository, BACKUP_KEY),
				new BackupSources(null, null, externalServer()),
				new PgBackRestProperties(STANZA, primary.dataDir(), primary.port(), primary.socketDir(), null, null,
						primary.superuser(), LocalPostgresCluster.osUser(), PgBackRestSettings.DEFAULT_EXECUTABLE,
						Duration.ofSeconds(60)),
				new BackupMetrics(new SimpleMeterRegistry(), backupRepository.resolve("wal")));

		BackupManifest backup = operations.create(Progress.NONE);
		execute(primary, "INSERT INTO trips SELECT generate_series(4, 6)");
		Instant target = serverTime(primary);
		execute(primary, "INSERT INTO trips SELECT generate_series(7, 9)");
		awaitArchived(switchWal(primary));

		assertThat(backup.kind()).isEqualTo(PgBackRestBackups.KIND);
		assertThat(backup.encrypted()).isTrue();
		assertThat(backup.postgres().startLsn()).matches("[0-9A-F]+/[0-9A-F]+");
		assertThat(pgBackRest.info().backups()).extracting(Backup::label).contains(backup.postgres().restorePoint());
		assertThat(operations.list()).extracting(entry -> entry.manifest().id()).contains(backup.id());
		assertThat(operations.verify(backup.id(), Progress.NONE).detail()).startsWith("pgBackRest verified backup");

		Path into = workDir.resolve("restored-by-command");
		operations.restore(new RecoveryTarget.Time(target), null, into, Progress.NONE);
		LocalPostgresCluster copy = startRestored(into.resolve("postgres"));

		try (Connection connection = copy.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*), max(id) FROM trips")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(6);
			assertThat(rows.getInt(2)).isEqualTo(6);
		}
	}

	/** The service's configuration for an external server: its login, and no embedded store. */
	private StandardEnvironment externalServer() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("external", Map.of("spring.datasource.url",
				"jdbc:postgresql://127.0.0.1:" + primary.port() + "/postgres", "spring.datasource.username",
				primary.superuser())));
		return environment;
	}

	/** Starts a restored copy; archiving stays off so the copy never pushes WAL into the primary's repository. */
	private LocalPostgresCluster startRestored(Path dataDir) throws Exception {
		LocalPostgresCluster copy = track(LocalPostgresCluster.existing(dataDir, primary.socketDir()));
		copy.configure(Map.of("archive_mode", "off"));
		copy.start();
		long deadline = System.nanoTime() + ARCHIVE_WAIT.toNanos();
		// pg_ctl returns once hot standby accepts connections; the rows are final only after the promotion.
		while (inRecovery(copy)) {
			if (System.nanoTime() > deadline) {
				fail("Restored server still in recovery after " + ARCHIVE_WAIT + ":\n" + copy.log());
			}
			Thread.sleep(200);
		}
		return copy;
	}

	private void awaitArchived(String walFile) throws InterruptedException {
		long deadline = System.nanoTime() + ARCHIVE_WAIT.toNanos();
		while (pgBackRest.info().archiveMax().filter(max -> max.compareTo(walFile) >= 0).isEmpty()) {
			if (System.nanoTime() > deadline) {
				fail("WAL " + walFile + " not archived after " + ARCHIVE_WAIT + ":\n" + primary.log());
			}
			Thread.sleep(200);
		}
	}

	private LocalPostgresCluster track(LocalPostgresCluster cluster) {
		clusters.add(cluster);
		return cluster;
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

	private static boolean onPath(String program) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter(dir -> !dir.isEmpty())
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
	}

	private static void execute(LocalPostgresCluster cluster, String... statements) throws SQLException {
		try (Connection connection = cluster.connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static Instant serverTime(LocalPostgresCluster cluster) throws SQLException {
		try (Connection connection = cluster.connect(); Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(SERVER_TIME)) {
			row.next();
			return row.getObject(1, OffsetDateTime.class).toInstant();
		}
	}

	private static String switchWal(LocalPostgresCluster cluster) throws SQLException {
		try (Connection connection = cluster.connect(); Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(SWITCH_WAL)) {
			row.next();
			return row.getString(1);
		}
	}

	private static boolean inRecovery(LocalPostgresCluster cluster) throws SQLException {
		try (Connection connection = cluster.connect(); Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(IN_RECOVERY)) {
			row.next();
			return row.getBoolean(1);
		}
	}

	private static List<Integer> ids(LocalPostgresCluster cluster) throws SQLException {
		List<Integer> ids = new ArrayList<>();
		try (Connection connection = cluster.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(SELECT_IDS)) {
			while (rows.next()) {
				ids.add(rows.getInt(1));
			}
		}
		return ids;
	}
}
