package io.getaways.operations.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Backups: where they go, the key they are encrypted under, when they run and how long they are kept.
 *
 * @param repository the backup repository; by default {@code backups} beside the data directory (set by
 * {@link BackupEnvironmentPostProcessor}); put it on another disk in production
 * @param key 32 bytes in base64 ({@code GETAWAYS_BACKUP_KEY}); without one, backups are stored unencrypted
 * @param archiveTimeout the longest a WAL segment stays unarchived, so about the most commits a lost disk can take
 * @param schedule cron expression of the scheduled base backup (default daily at 02:30), or {@code -} for none
 * @param verifyAfterSchedule whether each scheduled backup is verified by restoring it right after
 * @param keepBackups how many of the newest backups expiry keeps
 * @param keepBackupsFor backups older than this are expired even among the newest {@code keepBackups}; zero keeps by
 * count only. The newest backup is never expired.
 * @param keepWalForBackups how many of the newest kept backups keep the WAL after them, so that a restore to any time
 * since the oldest of them is possible; older kept backups keep only the WAL that makes them consistent
 * @param maxAge the newest verified backup may be this old before health turns DOWN
 * @param replayMargin publications completed this long before a MongoDB dump began are handed to their listeners
 * again after a restore too, so that clocks apart by less than this lose no projection
 * @param threads how many files a base backup copies at once
 * @param compressionLevel zstd's level for the base backup's files: 1 by default; negative levels are zstd's fast
 * ones (faster, larger), higher ones slower and smaller
 * @param recoveryTimeout the longest a restore or verify waits for PostgreSQL's recovery
 */
@ConfigurationProperties("getaways.backup")
record BackupSettings(boolean enabled, Path repository, String key, Duration archiveTimeout, String schedule,
		boolean verifyAfterSchedule, int keepBackups, Duration keepBackupsFor, int keepWalForBackups, Duration maxAge,
		Duration replayMargin, int threads, Integer compressionLevel, Duration recoveryTimeout) {

	static final String PREFIX = "getaways.backup";

	BackupSettings {
		archiveTimeout = positive("archive-timeout", archiveTimeout, Duration.ofSeconds(60));
		schedule = schedule == null || schedule.isBlank() ? "0 30 2 * * *" : schedule;
		keepBackups = keepBackups == 0 ? 7 : atLeastOne("keep-backups", keepBackups);
		keepBackupsFor = keepBackupsFor == null ? Duration.ZERO : keepBackupsFor;
		keepWalForBackups = keepWalForBackups == 0 ? keepBackups : atLeastOne("keep-wal-for-backups", keepWalForBackups);
		maxAge = positive("max-age", maxAge, Duration.ofHours(26));
		replayMargin = replayMargin == null ? Duration.ofMinutes(1) : replayMargin;
		threads = threads == 0 ? Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())) : threads;
		atLeastOne("threads", threads);
		recoveryTimeout = positive("recovery-timeout", recoveryTimeout, Duration.ofHours(1));
		compressionLevel = compressionLevel == null ? 1 : compressionLevel;
		if (compressionLevel < -100 || compressionLevel > 19 || compressionLevel == 0) {
			throw new IllegalArgumentException(PREFIX + ".compression-level must be from -100 to 19, not 0, but was "
					+ compressionLevel);
		}
		if (keepBackupsFor.isNegative()) {
			throw new IllegalArgumentException(PREFIX + ".keep-backups-for must not be negative but was "
					+ keepBackupsFor);
		}
		if (keepWalForBackups > keepBackups) {
			throw new IllegalArgumentException(PREFIX + ".keep-wal-for-backups (" + keepWalForBackups
					+ ") cannot exceed " + PREFIX + ".keep-backups (" + keepBackups + ")");
		}
	}

	/** The parsed key, or null when backups are stored unencrypted. */
	BackupKey backupKey() {
		return key == null || key.isBlank() ? null : BackupKey.parse(key, PREFIX + ".key");
	}

	private static Duration positive(String name, Duration value, Duration fallback) {
		if (value == null) {
			return fallback;
		}
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(PREFIX + "." + name + " must be positive but was " + value);
		}
		return value;
	}

	private static int atLeastOne(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException(PREFIX + "." + name + " must be at least 1 but was " + value);
		}
		return value;
	}
}
