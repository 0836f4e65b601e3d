package io.getaways.operations.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.getaways.operations.internal.BackupRepository.Entry;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code backup}: DOWN when the newest verified backup is older than
 * {@code getaways.backup.max-age} (or there is none, once a new installation has had that
 * long to take its first), or when PostgreSQL reports WAL archiving failing, or sealing
 * archived WAL fails; says whether backups are encrypted. Never part of readiness: a
 * service without a fresh backup still serves, but an operator must act.
 */
class BackupHealthIndicator extends AbstractHealthIndicator {

	private final BackupOperations operations;

	private final BackupSources sources;

	private final WalSealer sealer;

	/**
	 * @param sealer the WAL sealer when backups are encrypted, else null
	 */
	BackupHealthIndicator(BackupOperations operations, BackupSources sources, WalSealer sealer) {
		super("Backup health check failed");
		this.operations = operations;
		this.sources = sources;
		this.sealer = sealer;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		BackupSettings settings = operations.settings();
		List<Entry> backups = operations.list();
		Entry newestVerified = backups.stream()
			.filter(entry -> entry.verification() != null && entry.verification().passed())
			.reduce((a, b) -> b)
			.orElse(null);
		Instant due = Instant.now().minus(settings.maxAge());
		// a new installation has until max-age after its repository was set up to take
		// its first backup
		boolean firstStillDue = backups.isEmpty() && operations.repository().createdAt().isAfter(due);
		boolean fresh = firstStillDue || newestVerified != null && newestVerified.manifest().finished().isAfter(due);
		builder.withDetail("backups", backups.size())
			.withDetail("encrypted", settings.backupKey() != null)
			.withDetail("maxAgeHours", settings.maxAge().toHours());
		if (!backups.isEmpty()) {
			builder.withDetail("newest", backups.get(backups.size() - 1).manifest().id());
		}
		if (newestVerified != null) {
			builder.withDetail("newestVerified", newestVerified.manifest().id())
				.withDetail("newestVerifiedAgeSeconds",
						Duration.between(newestVerified.manifest().finished(), Instant.now()).toSeconds());
		}
		if (settings.backupKey() == null) {
			builder.withDetail("warning", "backups are stored unencrypted: set getaways.backup.key");
		}
		boolean archiving = true;
		try {
			ArchiverStatus archiver = ArchiverStatus.read(sources.postgresSuperuser());
			archiving = !archiver.failing();
			builder.withDetail("walArchived", archiver.archived()).withDetail("walArchiveFailures", archiver.failed());
			if (!archiving) {
				builder.withDetail("walArchiveFailing",
						archiver.lastFailedWal() + " failed at " + archiver.lastFailedAt());
			}
		}
		catch (BackupFailedException ex) {
			builder.withDetail("walArchiving", "reported by the backup tool of the external server");
		}
		if (sealer != null && sealer.lastFailure() != null) {
			archiving = false;
			builder.withDetail("walSealingFailing", sealer.lastFailure());
		}
		if (firstStillDue) {
			builder.withDetail("firstBackupDueBy", operations.repository().createdAt().plus(settings.maxAge()));
		}
		if (!fresh) {
			builder.withDetail("reason", newestVerified == null ? "no verified backup"
					: "the newest verified backup is older than " + settings.maxAge().toHours() + "h");
		}
		if (fresh && archiving) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

}
