package io.getaways.operations.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.getaways.operations.internal.PgBackRestInfo.Backup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static io.getaways.operations.internal.PgBackRestServer.BACKUP_KEY;
import static io.getaways.operations.internal.PgBackRestServer.STANZA;
import static io.getaways.operations.internal.PgBackRestServer.execute;
import static io.getaways.operations.internal.PgBackRestServer.serverTime;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's backup commands (create, list, verify, restore) for an external
 * PostgreSQL 15 server, which go through pgBackRest. Skipped where pgBackRest or the
 * server binaries are missing ({@link PgBackRestServer}).
 */
class PgBackRestCommandsIT {

	@RegisterExtension
	static final PgBackRestServer server = new PgBackRestServer();

	@Test
	void theBackupCommandsGoThroughPgBackRestForAnExternalServer() throws Exception {
		LocalPostgresCluster primary = server.primary();
		Path backupRepository = server.backupRepository();
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
		server.archiveCurrentWal();

		assertThat(backup.kind()).isEqualTo(PgBackRestBackups.KIND);
		assertThat(backup.encrypted()).isTrue();
		assertThat(backup.postgres().startLsn()).matches("[0-9A-F]+/[0-9A-F]+");
		assertThat(server.pgBackRest().info().backups()).extracting(Backup::label)
			.contains(backup.postgres().restorePoint());
		assertThat(operations.list()).extracting(entry -> entry.manifest().id()).contains(backup.id());
		assertThat(operations.verify(backup.id(), Progress.NONE).detail()).startsWith("pgBackRest verified backup");

		Path into = server.workDir().resolve("restored-by-command");
		operations.restore(new RecoveryTarget.Time(target), null, into, Progress.NONE);
		LocalPostgresCluster copy = server.startRestored(into.resolve("postgres"));

		try (Connection connection = copy.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*), max(id) FROM trips")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(6);
			assertThat(rows.getInt(2)).isEqualTo(6);
		}
	}

	/**
	 * The service's configuration for an external server: its login, and no embedded
	 * store.
	 */
	private StandardEnvironment externalServer() {
		LocalPostgresCluster primary = server.primary();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("external",
					Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + primary.port() + "/postgres",
							"spring.datasource.username", primary.superuser())));
		return environment;
	}

}
