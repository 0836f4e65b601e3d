package io.getaways.operations.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.getaways.operations.internal.StoredFiles.Stored;

/**
 * Everything a backup is, written last: a backup directory without it is an interrupted
 * backup and is never listed.
 *
 * @param id the UTC time it started, as {@code 20261206T201500Z}
 * @param keyId the id of the key it is encrypted under, or null when stored unencrypted
 * @param files the PostgreSQL data directory's files, by path relative to it, plus the
 * embedded data directory's secrets under {@code getaways/}
 * @param directories every directory of the data directory, so that a restore recreates
 * the empty ones PostgreSQL expects
 * @param phaseSeconds how long each phase took ({@code baseBackup},
 * {@code consistentPoint}, {@code walArchived}, {@code mongoDump}), so that a slow backup
 * says where its time went
 */
record BackupManifest(int format, String id, String kind, Instant started, Instant finished, String keyId,
		PostgresPart postgres, MongoPart mongo, List<String> directories, List<Stored> files,
		Map<String, Double> phaseSeconds) {

	static final int FORMAT = 1;

	boolean encrypted() {
		return keyId != null;
	}

	long storedSize() {
		return files.stream().mapToLong(Stored::storedSize).sum()
				+ mongo.collections().stream().mapToLong(c -> c.file().storedSize()).sum();
	}

	/**
	 * @param restorePoint a named restore point written after {@code pg_backup_stop}, at
	 * which the recorded table figures hold exactly; recovering to it is recovering to
	 * this backup
	 * @param consistentAt the database clock at the restore point
	 */
	record PostgresPart(String serverVersion, int timeline, String startLsn, String stopLsn, String startWal,
			String stopWal, String restorePoint, String restorePointLsn, String restorePointWal, Instant consistentAt,
			long dataSize, List<TableDigests.Figure> tables) {
	}

	/**
	 * @param outboxPosition the database clock when the dump began: publications
	 * completed after it may be missing from the dump, so a restore hands them to their
	 * listeners again
	 * @param lsnAtDump PostgreSQL's WAL position when the dump began
	 */
	record MongoPart(String database, Instant outboxPosition, String lsnAtDump, List<CollectionDump> collections) {
	}

	record CollectionDump(String name, long documents, Stored file) {
	}
}
