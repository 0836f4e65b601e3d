package io.getaways.operations.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.getaways.operations.internal.BackupRepository.Entry;
import org.springframework.util.FileSystemUtils;

/**
 * Retention. Keeps the newest {@code keepBackups} backups, less those older than
 * {@code keepBackupsFor} (never the newest), then removes WAL that no kept backup needs:
 * each kept backup keeps the segments that make it consistent, and the newest
 * {@code keepWalForBackups} keep everything after them, so a restore to any time since
 * the oldest of those stays possible. Nothing newer than what is kept is ever removed.
 */
final class BackupExpiry {

	/** What expiry removed. */
	record Outcome(List<String> removedBackups, int removedSegments, int keptBackups) {
	}

	private final BackupRepository repository;

	private final BackupSettings settings;

	BackupExpiry(BackupRepository repository, BackupSettings settings) {
		this.repository = repository;
		this.settings = settings;
	}

	Outcome expire(Instant now) {
		try (AutoCloseable lock = repository.lockForChange()) {
			List<Entry> backups = repository.list();
			List<Entry> kept = new ArrayList<>();
			List<String> removed = new ArrayList<>();
			for (int i = 0; i < backups.size(); i++) {
				Entry entry = backups.get(i);
				int newerCount = backups.size() - 1 - i;
				boolean newest = newerCount == 0;
				boolean tooMany = newerCount >= settings.keepBackups();
				boolean tooOld = !settings.keepBackupsFor().isZero()
						&& entry.manifest().finished().isBefore(now.minus(settings.keepBackupsFor()));
				if (!newest && (tooMany || tooOld)) {
					// the manifest goes first: from then on the backup is not listed,
					// even if deleting the rest fails
					java.nio.file.Files
						.deleteIfExists(repository.backupDir(entry.manifest().id()).resolve(BackupRepository.MANIFEST));
					FileSystemUtils.deleteRecursively(repository.backupDir(entry.manifest().id()));
					removed.add(entry.manifest().id());
				}
				else {
					kept.add(entry);
				}
			}
			int segments = expireWal(kept);
			return new Outcome(removed, segments, kept.size());
		}
		catch (BackupFailedException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new BackupFailedException("expire failed: " + ex.getMessage(), ex);
		}
	}

	private int expireWal(List<Entry> kept) throws IOException {
		if (kept.isEmpty()) {
			return 0;
		}
		WalArchive wal = new WalArchive(repository.wal());
		int withHistory = Math.min(settings.keepWalForBackups(), kept.size());
		String keepFrom = kept.get(kept.size() - withHistory).manifest().postgres().startWal();
		List<String> alsoKeep = new ArrayList<>();
		for (Entry entry : kept.subList(0, kept.size() - withHistory)) {
			BackupManifest.PostgresPart pg = entry.manifest().postgres();
			for (String segment = pg.startWal(); segment.compareTo(pg.restorePointWal()) <= 0; segment = WalArchive
				.next(segment)) {
				alsoKeep.add(segment);
			}
		}
		return wal.deleteBefore(keepFrom, alsoKeep);
	}

}
