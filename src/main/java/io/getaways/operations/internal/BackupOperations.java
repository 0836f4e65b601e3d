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
 * The backup commands, whoever asks: the command line, the admin API, the schedule. Each outcome is also counted in
 * {@link BackupMetrics}.
 */
class BackupOperations {

	private final BackupSettings settings;
	private final BackupRepository repository;
	private final BackupSources sources;
	private final BackupMetrics metrics;

	BackupOperations(BackupSettings settings, ObjectProvider<EmbeddedStores> embedded, Environment environment,
			BackupMetrics metrics) {
		this(settings, BackupSources.of(embedded.getIfAvailable(), environment), metrics);
	}

	BackupOperations(BackupSettings settings, BackupSources sources, BackupMetrics metrics) {
		this.settings = settings;
		this.repository = new BackupRepository(settings.repository());
		this.sources = sources;
		this.metrics = metrics;
	}

	BackupSettings settings() {
		return settings;
	}

	BackupRepository repository() {
		return repository;
	}

	BackupManifest create(Progress progress) {
		return metrics.timed("create", () -> {
			BackupManifest manifest = new BackupCreator(repository, sources, settings).create(progress);
			metrics.backupCompleted(manifest);
			return manifest;
		});
	}

	List<Entry> list() {
		return repository.list();
	}

	/** Verifies the named backup, or the newest when {@code id} is null. */
	Verification verify(String id, Progress progress) {
		Entry entry = id == null ? newest()
				: repository.find(id).orElseThrow(() -> new BackupFailedException("no complete backup " + id + " in "
						+ repository.root()));
		return metrics.timed("verify",
				() -> new BackupVerifier(repository, settings, sources.database()).verify(entry.manifest(), progress));
	}

	BackupExpiry.Outcome expire() {
		return metrics.timed("expire", () -> new BackupExpiry(repository, settings).expire(Instant.now()));
	}

	BackupRestorer.Outcome restore(RecoveryTarget target, String backupId, Path into, Progress progress) {
		return metrics.timed("restore",
				() -> new BackupRestorer(repository, settings, sources.database()).restore(target, backupId, into,
						progress));
	}

	private Entry newest() {
		List<Entry> backups = repository.list();
		if (backups.isEmpty()) {
			throw new BackupFailedException("no complete backup in " + repository.root());
		}
		return backups.get(backups.size() - 1);
	}
}
