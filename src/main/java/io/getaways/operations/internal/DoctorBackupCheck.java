package io.getaways.operations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.getaways.operations.internal.BackupRepository.Entry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Backups and WAL archiving fresh, by the same measures as the {@code backup} health
 * indicator: the newest verified backup within {@code getaways.backup.max-age}, and
 * PostgreSQL's archiver neither failing nor behind.
 */
final class DoctorBackupCheck {

	static final String BACKUPS = "backups";

	static final String WAL = "wal-archiving";

	private static final String ARCHIVER = """
			SELECT current_setting('archive_mode') AS archive_mode,
			       pg_walfile_name(pg_current_wal_lsn()) AS current_wal,
			       a.last_archived_wal, a.last_archived_time, a.last_failed_wal, a.last_failed_time
			FROM pg_stat_archiver a""";

	private DoctorBackupCheck() {
	}

	private record Archiver(String mode, String currentWal, String lastArchivedWal, Instant lastArchivedAt,
			String lastFailedWal, Instant lastFailedAt) {
	}

	/**
	 * OK with "no backups configured" when backups are off or none was ever taken here.
	 */
	static DoctorFinding backups(BackupOperations operations, boolean embeddedPostgres) {
		BackupSettings settings = operations.settings();
		if (!settings.enabled()) {
			return DoctorFinding.ok(BACKUPS, "no backups configured (getaways.backup.enabled=false)");
		}
		List<Entry> backups = operations.list();
		if (backups.isEmpty()) {
			if (!embeddedPostgres) {
				return DoctorFinding.ok(BACKUPS, "no backups configured in " + settings.repository());
			}
			Instant due = operations.repository().createdAt().plus(settings.maxAge());
			return due.isAfter(Instant.now())
					? DoctorFinding.ok(BACKUPS,
							"no backup yet in " + settings.repository() + "; the first is due by " + due)
					: DoctorFinding.fail(BACKUPS, "no backup in " + settings.repository() + " although due since " + due
							+ ": run `getaways backup create`");
		}
		Entry newest = backups.get(backups.size() - 1);
		Entry newestVerified = backups.stream()
			.filter(entry -> entry.verification() != null && entry.verification().passed())
			.reduce((older, newer) -> newer)
			.orElse(null);
		Instant due = Instant.now().minus(settings.maxAge());
		if (newestVerified != null && newestVerified.manifest().finished().isAfter(due)) {
			return DoctorFinding.ok(BACKUPS, "newest verified backup " + newestVerified.manifest().id() + " is "
					+ age(newestVerified.manifest().finished()) + " old (" + backups.size() + " kept)");
		}
		if (newest.manifest().finished().isAfter(due)) {
			return DoctorFinding.warn(BACKUPS, "newest backup " + newest.manifest().id() + " is not verified: run "
					+ "`getaways backup verify " + newest.manifest().id() + "`");
		}
		return DoctorFinding.fail(BACKUPS, "newest "
				+ (newestVerified == null ? "backup " + newest.manifest().id()
						: "verified backup " + newestVerified.manifest().id())
				+ " is older than " + settings.maxAge().toHours()
				+ "h: run `getaways backup create` and see docs/operations/backups.md");
	}

	static DoctorFinding walArchiving(Connection connection, Duration archiveTimeout) throws SQLException {
		Archiver archiver = JdbcClient.create(new SingleConnectionDataSource(connection, true))
			.sql(ARCHIVER)
			.query((row, n) -> new Archiver(row.getString(1), row.getString(2), row.getString(3), instant(row, 4),
					row.getString(5), instant(row, 6)))
			.single();
		if (archiver.mode().equals("off")) {
			return DoctorFinding.ok(WAL, "no WAL archiving configured (archive_mode=off)");
		}
		if (archiver.lastFailedAt() != null
				&& (archiver.lastArchivedAt() == null || archiver.lastFailedAt().isAfter(archiver.lastArchivedAt()))) {
			return DoctorFinding.fail(WAL, "archiving WAL " + archiver.lastFailedWal() + " failed at "
					+ archiver.lastFailedAt() + ": see PostgreSQL's log and docs/operations/backups.md");
		}
		if (archiver.lastArchivedAt() == null) {
			return DoctorFinding.ok(WAL, "no WAL segment finished yet");
		}
		long behind = segment(archiver.currentWal()) - segment(archiver.lastArchivedWal()) - 1;
		String last = "last WAL segment archived " + age(archiver.lastArchivedAt()) + " ago";
		if (behind > 0 && archiver.lastArchivedAt().isBefore(Instant.now().minus(archiveTimeout.multipliedBy(2)))) {
			return DoctorFinding.warn(WAL, last + ", " + behind + " finished segment(s) waiting (archive timeout "
					+ archiveTimeout.toSeconds() + "s): see PostgreSQL's log");
		}
		return DoctorFinding.ok(WAL, last);
	}

	/**
	 * A segment's number from its file name (timeline, log, segment: 8 hex digits each).
	 */
	private static long segment(String walFile) {
		if (walFile == null || walFile.length() < 24) {
			return 0;
		}
		return Long.parseLong(walFile.substring(8, 16), 16) * 0x100 + Long.parseLong(walFile.substring(16, 24), 16);
	}

	private static String age(Instant since) {
		Duration age = Duration.between(since, Instant.now());
		return age.toHours() > 0 ? age.toHours() + "h"
				: age.toMinutes() > 0 ? age.toMinutes() + "min" : age.toSeconds() + "s";
	}

	private static Instant instant(java.sql.ResultSet row, int column) throws SQLException {
		var value = row.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
