package io.getaways.operations.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.getaways.operations.internal.BackupManifest.CollectionDump;
import io.getaways.operations.internal.BackupManifest.MongoPart;
import io.getaways.operations.internal.BackupManifest.PostgresPart;
import io.getaways.operations.internal.StoredFiles.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a full backup: the PostgreSQL base backup, a consistent point with the table
 * figures, the WAL up to it, the MongoDB dump with the outbox position, then the
 * manifest. Until the manifest is written the backup does not exist; the directories of
 * interrupted backups are removed by the next one.
 */
final class BackupCreator {

	private static final Logger log = LoggerFactory.getLogger(BackupCreator.class);

	private final BackupRepository repository;

	private final BackupSources sources;

	private final BackupSettings settings;

	BackupCreator(BackupRepository repository, BackupSources sources, BackupSettings settings) {
		this.repository = repository;
		this.sources = sources;
		this.settings = settings;
	}

	BackupManifest create(Progress progress) {
		DataSource superuser = sources.postgresSuperuser();
		BackupKey key = settings.backupKey();
		try (AutoCloseable lock = repository.lockForChange()) {
			removeIncomplete();
			Instant started = Instant.now();
			String id = repository.newBackupId(started);
			Path dir = repository.backupDir(id);
			Phases phases = new Phases();
			PostgresBaseBackup.Result base = phases.time("baseBackup",
					() -> PostgresBaseBackup.take(superuser, dir, key, "getaways " + id, settings.copyThreads(),
							settings.compressionLevel(), archiveWait(), progress));
			ConsistentPoint.Point point = phases.time("consistentPoint",
					() -> ConsistentPoint.take(superuser, "getaways-" + id));
			phases.time("walArchived", () -> {
				switchAndAwaitArchive(superuser, point.walFile());
				return null;
			});
			MongoPart mongo = phases.time("mongoDump", () -> dumpMongo(sources, superuser, dir, key, progress));
			List<Stored> files = new ArrayList<>(base.files());
			storeSecrets(dir, key).ifPresent(files::add);
			BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, id, "full", started, Instant.now(),
					key == null ? null : key.id(),
					new PostgresPart(base.serverVersion(), base.timeline(), base.startLsn(), base.stopLsn(),
							base.startWal(), base.stopWal(), point.name(), point.lsn(), point.walFile(), point.at(),
							base.dataSize(), point.figures()),
					mongo, base.directories(), files, phases.seconds());
			repository.writeManifest(manifest);
			log.info("Backup {}: complete, {} bytes of PostgreSQL data, WAL {}..{}, {} MongoDB collections", id,
					base.dataSize(), base.startWal(), point.walFile(), mongo.collections().size());
			return manifest;
		}
		catch (BackupFailedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new BackupFailedException("backup failed: " + ex.getMessage(), ex);
		}
	}

	private void removeIncomplete() {
		removeIncomplete(repository);
	}

	static void removeIncomplete(BackupRepository repository) {
		for (Path dir : repository.removeIncomplete()) {
			log.warn("Backup repository: removed {}, left incomplete by an interrupted backup", dir.getFileName());
		}
	}

	/** Seconds per phase, in the order they ran. */
	static final class Phases {

		private final java.util.Map<String, Double> seconds = new java.util.LinkedHashMap<>();

		<T> T time(String phase, PhaseWork<T> work) throws Exception {
			long start = System.nanoTime();
			try {
				return work.run();
			}
			finally {
				seconds.put(phase, Math.round((System.nanoTime() - start) / 1e6) / 1e3);
			}
		}

		java.util.Map<String, Double> seconds() {
			return java.util.Collections.unmodifiableMap(seconds);
		}

	}

	@FunctionalInterface
	interface PhaseWork<T> {

		T run() throws Exception;

	}

	/**
	 * The segment holding the consistent point must be in the repository before the
	 * backup can be complete.
	 */
	private void switchAndAwaitArchive(DataSource superuser, String segment) {
		try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_switch_wal()");
		}
		catch (SQLException ex) {
			throw new BackupFailedException("cannot switch the WAL segment: " + ex.getMessage(), ex);
		}
		new WalArchive(repository.wal()).awaitArchived(segment, archiveWait());
	}

	/**
	 * How long a segment may take to reach the repository before archiving counts as
	 * broken.
	 */
	private Duration archiveWait() {
		return settings.archiveTimeout().plus(Duration.ofMinutes(2));
	}

	/**
	 * The dump, with the outbox position read from {@code clock} just before it begins.
	 */
	static MongoPart dumpMongo(BackupSources sources, DataSource clock, Path dir, BackupKey key, Progress progress)
			throws SQLException {
		Instant position;
		String lsn;
		try (Connection connection = clock.getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT clock_timestamp(), pg_current_wal_lsn()::text")) {
			row.next();
			position = row.getTimestamp(1).toInstant();
			lsn = row.getString(2);
		}
		var mongo = sources.mongo();
		if (mongo.isEmpty()) {
			return new MongoPart(null, position, lsn, List.of());
		}
		try (BackupSources.MongoConnection connection = mongo.get()) {
			List<CollectionDump> collections = MongoDump.dump(connection.client().getDatabase(connection.database()),
					dir, key, progress);
			return new MongoPart(connection.database(), position, lsn, collections);
		}
	}

	private java.util.Optional<Stored> storeSecrets(Path dir, BackupKey key) throws IOException {
		var secrets = sources.secretsFile().filter(Files::isRegularFile);
		if (secrets.isEmpty()) {
			return java.util.Optional.empty();
		}
		String name = "getaways/secrets.properties";
		return java.util.Optional.of(StoredFiles.store(PostgresBaseBackup.storedPath(dir, name), name, key,
				out -> Files.copy(secrets.get(), out)));
	}

}
