package io.getaways.operations.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.getaways.audit.AuditChain;
import io.getaways.audit.VerificationResult;
import io.getaways.operations.internal.BackupManifest.CollectionDump;
import io.getaways.operations.internal.BackupRepository.Verification;
import org.springframework.util.FileSystemUtils;

/**
 * Proves a backup restores: every checksum, then a restore into a scratch cluster on a
 * free port replayed to the backup's consistent point, whose table figures must equal
 * those recorded, whose audit chain must verify, and whose MongoDB dump must read back
 * with the recorded document counts. The scratch copy is removed whatever happens. The
 * outcome is recorded beside the backup.
 */
final class BackupVerifier {

	private final BackupRepository repository;

	private final BackupSettings settings;

	private final String database;

	BackupVerifier(BackupRepository repository, BackupSettings settings, String database) {
		this.repository = repository;
		this.settings = settings;
		this.database = database;
	}

	/**
	 * Verifies and records the outcome; a failed verification is recorded, then thrown.
	 */
	Verification verify(BackupManifest manifest, Progress progress) {
		return record(manifest, () -> check(manifest, progress));
	}

	/** Records the outcome of a check that returns its one-line detail or throws. */
	Verification record(BackupManifest manifest, java.util.function.Supplier<String> check) {
		try {
			String detail = check.get();
			Verification passed = new Verification(Instant.now(), true, detail);
			repository.writeVerification(manifest.id(), passed);
			return passed;
		}
		catch (BackupFailedException ex) {
			repository.writeVerification(manifest.id(), new Verification(Instant.now(), false, ex.getMessage()));
			throw ex;
		}
	}

	private String check(BackupManifest manifest, Progress progress) {
		BackupKey key = settings.backupKey();
		BackupIntegrity.checkKey(manifest, key);
		Path backupDir = repository.backupDir(manifest.id());
		BackupIntegrity.checkFiles(manifest, backupDir, progress);
		WalArchive wal = new WalArchive(repository.wal());
		PostgresRestore.Plan plan = PostgresRestore.plan(manifest, new RecoveryTarget.BackupPoint(), wal);
		Path scratch = repository.root()
			.resolve(".scratch")
			.resolve(manifest.id() + "-" + ProcessHandle.current().pid());
		try {
			FileSystemUtils.deleteRecursively(scratch);
			PostgresRestore.layOut(plan, backupDir, key, wal, scratch.resolve("postgres"), scratch.resolve("wal"),
					progress);
			long documents = checkMongo(manifest, backupDir, key);
			try (RestoredPostgres restored = RestoredPostgres.start(scratch.resolve("postgres"),
					settings.recoveryTimeout())) {
				List<TableDigests.Figure> figures = figures(restored, database);
				String difference = TableDigests.firstDifference(manifest.postgres().tables(), figures);
				if (difference != null) {
					throw new BackupFailedException("backup " + manifest.id() + " restores, but " + difference);
				}
				VerificationResult chain = AuditChain.verify(restored.database(database));
				if (!chain.isIntact()) {
					throw new BackupFailedException(
							"backup " + manifest.id() + " restores, but its audit chain is broken " + "at entry "
									+ chain.firstBrokenId() + ": " + chain.reason());
				}
				long rows = figures.stream().mapToLong(TableDigests.Figure::rows).sum();
				return figures.size() + " tables and " + rows + " rows match at "
						+ manifest.postgres().restorePointLsn() + ", " + chain.entriesChecked()
						+ " audit entries chained, " + documents + " MongoDB documents read";
			}
		}
		catch (IOException ex) {
			throw new BackupFailedException("verifying " + manifest.id() + " failed: " + ex.getMessage(), ex);
		}
		finally {
			try {
				FileSystemUtils.deleteRecursively(scratch);
			}
			catch (IOException ex) {
				// the next verify of this id removes it first
			}
		}
	}

	static List<TableDigests.Figure> figures(RestoredPostgres restored, String database) {
		try (Connection connection = restored.database(database).getConnection()) {
			connection.setAutoCommit(false);
			List<TableDigests.Figure> figures = TableDigests.compute(connection);
			connection.rollback();
			return figures;
		}
		catch (SQLException ex) {
			throw new BackupFailedException("cannot read the restored tables: " + ex.getMessage(), ex);
		}
	}

	static long checkMongo(BackupManifest manifest, Path backupDir, BackupKey key) throws IOException {
		long total = 0;
		for (CollectionDump dump : manifest.mongo().collections()) {
			long documents = MongoDump.count(backupDir, dump, key);
			if (documents != dump.documents()) {
				throw new BackupFailedException("MongoDB dump of " + dump.name() + " reads back " + documents
						+ " documents, " + dump.documents() + " recorded");
			}
			total += documents;
		}
		return total;
	}

}
