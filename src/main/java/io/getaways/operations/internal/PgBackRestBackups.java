package io.getaways.operations.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.getaways.operations.internal.BackupManifest.MongoPart;
import io.getaways.operations.internal.BackupManifest.PostgresPart;

/**
 * Backups of an external PostgreSQL through pgBackRest, behind the same commands as the
 * built-in engine: pgBackRest takes the base backup and archives the WAL into its own
 * repository (under the backup repository); Getaways adds the MongoDB dump with the
 * outbox position and writes the manifest, kind {@code pgbackrest}, that lists it with
 * the others. The manifest's restore point is pgBackRest's backup label.
 */
final class PgBackRestBackups {

	static final String KIND = "pgbackrest";

	private final BackupRepository repository;

	private final BackupSources sources;

	private final BackupSettings settings;

	private final PgBackRest pgBackRest;

	PgBackRestBackups(BackupRepository repository, BackupSources sources, BackupSettings settings,
			PgBackRest pgBackRest) {
		this.repository = repository;
		this.sources = sources;
		this.settings = settings;
		this.pgBackRest = pgBackRest;
	}

	BackupManifest create(Progress progress) {
		BackupKey key = settings.backupKey();
		try (AutoCloseable lock = repository.lockForChange()) {
			BackupCreator.removeIncomplete(repository);
			Instant started = Instant.now();
			String id = repository.newBackupId(started);
			pgBackRest.writeConfig();
			// idempotent: a stanza that exists and matches the server is left as it is
			pgBackRest.stanzaCreate();
			// archiving works end to end (a segment pushed and found), or the backup is
			// not worth taking
			pgBackRest.check();
			BackupCreator.Phases phases = new BackupCreator.Phases();
			String label = phases.time("baseBackup", () -> pgBackRest.backup("full"));
			PgBackRestInfo.Backup backup = pgBackRest.info()
				.backups()
				.stream()
				.filter(b -> b.label().equals(label))
				.findFirst()
				.orElseThrow(() -> new BackupFailedException("pgBackRest does not list its backup " + label));
			MongoPart mongo = phases.time("mongoDump",
					() -> BackupCreator.dumpMongo(sources, sources.clock(), repository.backupDir(id), key, progress));
			BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, id, KIND, started, Instant.now(),
					key == null ? null : key.id(),
					new PostgresPart(null, Integer.parseInt(backup.archiveStart().substring(0, 8), 16),
							backup.lsnStart(), backup.lsnStop(), backup.archiveStart(), backup.archiveStop(), label,
							backup.lsnStop(), backup.archiveStop(), backup.stop(), backup.size(), List.of()),
					mongo, List.of(), List.of(), phases.seconds());
			repository.writeManifest(manifest);
			return manifest;
		}
		catch (BackupFailedException ex) {
			throw ex;
		}
		catch (PgBackRestException ex) {
			throw new BackupFailedException(ex.getMessage(), ex);
		}
		catch (Exception ex) {
			throw new BackupFailedException("backup failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * pgBackRest's verify of its repository, then the MongoDB dump's checksums and
	 * document counts.
	 */
	String verify(BackupManifest manifest, Progress progress) {
		BackupIntegrity.checkKey(manifest, settings.backupKey());
		BackupIntegrity.checkFiles(manifest, repository.backupDir(manifest.id()), progress);
		try {
			pgBackRest.verify();
			long documents = BackupVerifier.checkMongo(manifest, repository.backupDir(manifest.id()),
					settings.backupKey());
			return "pgBackRest verified backup " + manifest.postgres().restorePoint() + " and its WAL, " + documents
					+ " MongoDB documents read";
		}
		catch (PgBackRestException ex) {
			throw new BackupFailedException(ex.getMessage(), ex);
		}
		catch (java.io.IOException ex) {
			throw new BackupFailedException("verifying " + manifest.id() + " failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * pgBackRest restores the cluster into {@code into/postgres} with its recovery
	 * settings; it replays when the operator starts PostgreSQL there, with the server
	 * binaries of the backed-up version.
	 */
	void restorePostgres(BackupManifest manifest, RecoveryTarget target, Path into) {
		Optional<Instant> time = target instanceof RecoveryTarget.Time t ? Optional.of(t.at()) : Optional.empty();
		Optional<String> label = target instanceof RecoveryTarget.BackupPoint
				? Optional.of(manifest.postgres().restorePoint()) : Optional.empty();
		try {
			pgBackRest.writeConfig();
			pgBackRest.restore(into.resolve("postgres"), time, label);
		}
		catch (PgBackRestException ex) {
			throw new BackupFailedException(ex.getMessage(), ex);
		}
	}

	void expire() {
		try {
			pgBackRest.writeConfig();
			pgBackRest.expire();
		}
		catch (PgBackRestException ex) {
			throw new BackupFailedException(ex.getMessage(), ex);
		}
	}

}
