package io.getaways.operations.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.getaways.operations.internal.BackupRepository.Entry;
import io.getaways.operations.internal.BackupRepository.Verification;
import io.getaways.platform.embedded.EmbeddedStores;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

/**
 * The backup commands, whoever asks: the command line, the admin API, the schedule. Each
 * outcome is also counted in {@link BackupMetrics}.
 */
class BackupOperations {

	private final BackupSettings settings;

	private final BackupRepository repository;

	private final BackupSources sources;

	private final BackupMetrics metrics;

	private final PgBackRestBackups pgBackRest;

	BackupOperations(BackupSettings settings, PgBackRestProperties pgBackRest, ObjectProvider<EmbeddedStores> embedded,
			Environment environment, BackupMetrics metrics) {
		this(settings, BackupSources.of(embedded.getIfAvailable(), environment), pgBackRest, metrics);
	}

	BackupOperations(BackupSettings settings, BackupSources sources, BackupMetrics metrics) {
		this(settings, sources, null, metrics);
	}

	/**
	 * @param pgBackRest how to reach an external server with pgBackRest, or null
	 */
	BackupOperations(BackupSettings settings, BackupSources sources, PgBackRestProperties pgBackRest,
			BackupMetrics metrics) {
		this.settings = settings;
		this.repository = new BackupRepository(settings.repository());
		this.sources = sources;
		this.metrics = metrics;
		this.pgBackRest = pgBackRest != null && pgBackRest.configured() && !sources.embeddedPostgres()
				? new PgBackRestBackups(repository, sources, settings, new PgBackRest(pgBackRest.settings(settings)))
				: null;
	}

	BackupSettings settings() {
		return settings;
	}

	BackupRepository repository() {
		return repository;
	}

	BackupManifest create(Progress progress) {
		return metrics.timed("create", () -> {
			BackupManifest manifest = pgBackRest != null ? pgBackRest.create(progress)
					: new BackupCreator(repository, sources, settings).create(progress);
			metrics.backupCompleted(manifest);
			return manifest;
		});
	}

	List<Entry> list() {
		return repository.list();
	}

	/** Verifies the named backup, or the newest when {@code id} is null. */
	Verification verify(String id, Progress progress) {
		Entry entry = id == null ? newest() : repository.find(id)
			.orElseThrow(() -> new BackupFailedException("no complete backup " + id + " in " + repository.root()));
		BackupVerifier verifier = new BackupVerifier(repository, settings, sources.database());
		if (!PgBackRestBackups.KIND.equals(entry.manifest().kind())) {
			return metrics.timed("verify", () -> verifier.verify(entry.manifest(), progress));
		}
		return metrics.timed("verify", () -> verifier.record(entry.manifest(),
				() -> pgBackRest(entry.manifest()).verify(entry.manifest(), progress)));
	}

	BackupExpiry.Outcome expire() {
		return metrics.timed("expire", () -> {
			BackupExpiry.Outcome outcome = new BackupExpiry(repository, settings).expire(Instant.now());
			if (pgBackRest != null) {
				pgBackRest.expire();
			}
			return outcome;
		});
	}

	BackupRestorer.Outcome restore(RecoveryTarget target, String backupId, Path into, Progress progress) {
		return metrics.timed("restore",
				() -> new BackupRestorer(repository, settings, sources.database(), this::pgBackRest).restore(target,
						backupId, into, progress));
	}

	private PgBackRestBackups pgBackRest(BackupManifest manifest) {
		if (pgBackRest == null) {
			throw new BackupFailedException("backup " + manifest.id() + " was taken with pgBackRest; set "
					+ "getaways.backup.pgbackrest.* as when it was taken to read it");
		}
		return pgBackRest;
	}

	private Entry newest() {
		List<Entry> backups = repository.list();
		if (backups.isEmpty()) {
			throw new BackupFailedException("no complete backup in " + repository.root());
		}
		return backups.get(backups.size() - 1);
	}

}
