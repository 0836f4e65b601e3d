package io.getaways.operations.internal;

import java.nio.file.Path;
import java.time.Duration;

import io.getaways.platform.config.AtLeast;
import io.getaways.platform.config.AtMost;
import io.getaways.platform.config.PositiveDuration;
import io.getaways.platform.config.SettingsRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * Backups: where they go, the key they are encrypted under, when they run and how long
 * they are kept.
 *
 * @param repository the backup repository; by default {@code backups} beside the data
 * directory (set by {@link BackupEnvironmentPostProcessor}); put it on another disk in
 * production
 * @param key 32 bytes in base64 ({@code GETAWAYS_BACKUP_KEY}); without one, backups are
 * stored unencrypted
 * @param archiveTimeout the longest a WAL segment stays unarchived, so about the most
 * commits a lost disk can take
 * @param schedule cron expression of the scheduled base backup (default daily at 02:30),
 * or {@code -} for none
 * @param verifyAfterSchedule whether each scheduled backup is verified by restoring it
 * right after
 * @param keepBackups how many of the newest backups expiry keeps
 * @param keepBackupsFor backups older than this are expired even among the newest
 * {@code keepBackups}; zero keeps by count only. The newest backup is never expired.
 * @param keepWalForBackups how many of the newest kept backups keep the WAL after them,
 * so that a restore to any time since the oldest of them is possible; older kept backups
 * keep only the WAL that makes them consistent
 * @param maxAge the newest verified backup may be this old before health turns DOWN
 * @param replayMargin publications completed this long before a MongoDB dump began are
 * handed to their listeners again after a restore too, so that clocks apart by less than
 * this lose no projection
 * @param threads how many files a base backup copies at once; 0, the default, for one per
 * processor up to four (see {@link #copyThreads})
 * @param compressionLevel zstd's level for the base backup's files: 1 by default;
 * negative levels are zstd's fast ones (faster, larger), higher ones slower and smaller
 * @param recoveryTimeout the longest a restore or verify waits for PostgreSQL's recovery
 */
@ConfigurationProperties("getaways.backup")
@Validated
record BackupSettings(@DefaultValue("true") boolean enabled, Path repository, String key,
		@DefaultValue("60s") @PositiveDuration Duration archiveTimeout, @DefaultValue("0 30 2 * * *") String schedule,
		@DefaultValue("true") boolean verifyAfterSchedule, @DefaultValue("7") @AtLeast("1") int keepBackups,
		@DefaultValue("0s") @AtLeast("0s") Duration keepBackupsFor,
		@DefaultValue("7") @AtLeast("1") int keepWalForBackups, @DefaultValue("26h") @PositiveDuration Duration maxAge,
		@DefaultValue("1m") Duration replayMargin, @DefaultValue("0") @AtLeast("0") int threads,
		@DefaultValue("1") @AtLeast("-100") @AtMost("19") int compressionLevel,
		@DefaultValue("1h") @PositiveDuration Duration recoveryTimeout) implements SettingsRules {

	static final String PREFIX = "getaways.backup";

	@Override
	public void checkRules(Rules rules) {
		rules.require(Scheduled.CRON_DISABLED.equals(schedule) || CronExpression.isValidExpression(schedule),
				"schedule", "must be a cron expression such as 0 30 2 * * * or - for none");
		rules.require(keepWalForBackups <= keepBackups, "keepWalForBackups", "must not exceed keep-backups",
				keepBackups);
		rules.require(compressionLevel != 0, "compressionLevel", "must not be 0");
	}

	/** How many files a base backup copies at once. */
	int copyThreads() {
		return threads > 0 ? threads : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
	}

	/** The parsed key, or null when backups are stored unencrypted. */
	BackupKey backupKey() {
		return key == null || key.isBlank() ? null : BackupKey.parse(key, PREFIX + ".key");
	}
}
