package io.getaways.operations.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The scheduled base backup, then its verification and expiry, on one instance at a time
 * (ShedLock). WAL is archived continuously by PostgreSQL itself and needs no schedule.
 */
class BackupScheduler {

	private static final Logger log = LoggerFactory.getLogger(BackupScheduler.class);

	private final BackupOperations operations;

	BackupScheduler(BackupOperations operations) {
		this.operations = operations;
	}

	@Scheduled(cron = "${getaways.backup.schedule:0 30 2 * * *}")
	@SchedulerLock(name = "backup", lockAtMostFor = "PT6H")
	void run() {
		Progress progress = Progress.lines(log::info, "Scheduled backup", 0, true);
		try {
			BackupManifest manifest = operations.create(progress);
			if (operations.settings().verifyAfterSchedule()) {
				log.info("Scheduled backup {}: verified, {}", manifest.id(),
						operations.verify(manifest.id(), progress).detail());
			}
			BackupExpiry.Outcome expired = operations.expire();
			log.info("Scheduled backup {}: expired {} backups and {} WAL segments, {} kept", manifest.id(),
					expired.removedBackups().size(), expired.removedSegments(), expired.keptBackups());
		}
		catch (RuntimeException ex) {
			log.error("Scheduled backup failed: {}", ex.getMessage());
		}
	}

}
