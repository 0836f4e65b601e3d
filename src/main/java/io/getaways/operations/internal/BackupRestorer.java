package io.getaways.operations.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.getaways.operations.internal.BackupRepository.Entry;
import io.getaways.platform.embedded.EmbeddedMongoServer;
import org.springframework.util.FileSystemUtils;

/**
 * Restores into a new data directory and leaves every other one untouched: PostgreSQL
 * replayed to the target and promoted, the data directory's secrets, and MongoDB's dump
 * loaded into an embedded MongoDB under it. Publications the restored PostgreSQL
 * completed after the dump began are handed to their listeners again when the service
 * starts on it, so that MongoDB catches up with exactly what PostgreSQL committed.
 */
final class BackupRestorer {

	/** What a restore did, for the operator's last line. */
	record Outcome(String backupId, Instant lastReplayedCommit, int publicationsReplayed, long mongoDocuments) {
	}

	/**
	 * Completed after the dump began, or not completed at all: no instance is delivering
	 * anything on a restored database, so an incomplete publication is not in progress
	 * but abandoned, and failed ones are resubmitted at once instead of after the
	 * outbox's stalled-after.
	 */
	private static final String REPLAY_PUBLICATIONS = """
			UPDATE app.event_publication
			SET completion_date = NULL, status = 'FAILED'
			WHERE completion_date >= ?
			   OR completion_date IS NULL""";

	private final BackupRepository repository;

	private final BackupSettings settings;

	private final String database;

	private final java.util.function.Function<BackupManifest, PgBackRestBackups> pgBackRest;

	/**
	 * @param pgBackRest the pgBackRest engine for a backup it took; fails when none is
	 * configured
	 */
	BackupRestorer(BackupRepository repository, BackupSettings settings, String database,
			java.util.function.Function<BackupManifest, PgBackRestBackups> pgBackRest) {
		this.repository = repository;
		this.settings = settings;
		this.database = database;
		this.pgBackRest = pgBackRest;
	}

	/**
	 * The backup a target restores from: the one named, or the newest complete before the
	 * target.
	 */
	BackupManifest choose(RecoveryTarget target, String backupId) {
		List<Entry> backups = repository.list();
		if (backupId != null) {
			return repository.find(backupId)
				.map(Entry::manifest)
				.orElseThrow(
						() -> new BackupFailedException("no complete backup " + backupId + " in " + repository.root()));
		}
		if (backups.isEmpty()) {
			throw new BackupFailedException("no complete backup in " + repository.root());
		}
		if (target instanceof RecoveryTarget.Time time) {
			return backups.stream()
				.map(Entry::manifest)
				.filter(m -> !m.finished().isAfter(time.at()))
				.reduce((a, b) -> b)
				.orElseThrow(() -> new BackupFailedException("target " + time.at() + " is before the oldest backup, "
						+ backups.get(0).manifest().id() + ", which finished " + backups.get(0).manifest().finished()));
		}
		return backups.get(backups.size() - 1).manifest();
	}

	Outcome restore(RecoveryTarget target, String backupId, Path into, Progress progress) {
		into = into.toAbsolutePath().normalize();
		refuseNonEmpty(into);
		BackupManifest manifest = choose(target, backupId);
		BackupKey key = settings.backupKey();
		BackupIntegrity.checkKey(manifest, key);
		Path backupDir = repository.backupDir(manifest.id());
		BackupIntegrity.checkFiles(manifest, backupDir, progress);
		if (PgBackRestBackups.KIND.equals(manifest.kind())) {
			pgBackRest.apply(manifest).restorePostgres(manifest, target, into);
			return finish(manifest, backupDir, key, into, null, 0, progress);
		}
		WalArchive wal = new WalArchive(repository.wal());
		PostgresRestore.Plan plan = PostgresRestore.plan(manifest, target, wal);
		Path staging = into.resolve(".restore-wal");
		PostgresRestore.layOut(plan, backupDir, key, wal, into.resolve("postgres"), staging, progress);
		Instant lastCommit;
		int replayed;
		try (RestoredPostgres restored = RestoredPostgres.start(into.resolve("postgres"), settings.recoveryTimeout())) {
			lastCommit = restored.lastReplayedCommit().orElse(null);
			replayed = replayPublications(restored, manifest.mongo().outboxPosition().minus(settings.replayMargin()));
			restored.clearRecoverySettings();
		}
		try {
			FileSystemUtils.deleteRecursively(staging);
		}
		catch (IOException ex) {
			throw new BackupFailedException("cannot remove the staged WAL " + staging + ": " + ex.getMessage(), ex);
		}
		return finish(manifest, backupDir, key, into, lastCommit, replayed, progress);
	}

	private Outcome finish(BackupManifest manifest, Path backupDir, BackupKey key, Path into, Instant lastCommit,
			int replayed, Progress progress) {
		try {
			restoreSecrets(manifest, backupDir, key, into);
			long documents = restoreMongo(manifest, backupDir, key, into, progress);
			return new Outcome(manifest.id(), lastCommit, replayed, documents);
		}
		catch (IOException ex) {
			throw new BackupFailedException("restoring into " + into + " failed: " + ex.getMessage(), ex);
		}
	}

	private static void refuseNonEmpty(Path into) {
		if (!Files.exists(into)) {
			return;
		}
		try (Stream<Path> entries = Files.list(into)) {
			if (entries.findAny().isPresent()) {
				throw new BackupFailedException(
						"restore target " + into + " is not empty; restore into a new directory");
			}
		}
		catch (IOException ex) {
			throw new BackupFailedException("cannot read the restore target " + into + ": " + ex.getMessage());
		}
	}

	private int replayPublications(RestoredPostgres restored, Instant since) {
		try (Connection connection = restored.database(database).getConnection();
				PreparedStatement update = connection.prepareStatement(REPLAY_PUBLICATIONS)) {
			update.setTimestamp(1, Timestamp.from(since));
			return update.executeUpdate();
		}
		catch (SQLException ex) {
			throw new BackupFailedException("cannot mark publications for replay: " + ex.getMessage(), ex);
		}
	}

	private static void restoreSecrets(BackupManifest manifest, Path backupDir, BackupKey key, Path into)
			throws IOException {
		String name = "getaways/secrets.properties";
		if (manifest.files().stream().noneMatch(file -> file.name().equals(name))) {
			return;
		}
		try (var in = StoredFiles.open(PostgresBaseBackup.storedPath(backupDir, name), key)) {
			Path target = into.resolve("secrets.properties");
			Files.copy(in, target);
			Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
		}
	}

	private static long restoreMongo(BackupManifest manifest, Path backupDir, BackupKey key, Path into,
			Progress progress) throws IOException {
		if (manifest.mongo().collections().isEmpty()) {
			return 0;
		}
		long total = manifest.mongo().collections().stream().mapToLong(BackupManifest.CollectionDump::documents).sum();
		Progress loading = progress.stage("Loading MongoDB documents", total, false);
		try (EmbeddedMongoServer server = EmbeddedMongoServer.startOn(into.resolve("mongo"));
				MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.port())) {
			long loaded = MongoDump.load(client.getDatabase(manifest.mongo().database()), backupDir,
					manifest.mongo().collections(), key, loading);
			loading.finish();
			return loaded;
		}
	}

}
