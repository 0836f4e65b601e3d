package io.getaways.operations.internal;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Encrypts archived WAL segments moments after PostgreSQL archives them, when backups
 * have a key. PostgreSQL's archive_command is a shell script that cannot seal with
 * AES-256-GCM, so a segment sits in the repository as gzip for at most about
 * {@code getaways.backup.seal-interval} (1s), or, if the service stopped meanwhile, until
 * it starts again. Only one process runs the embedded server over a data directory, so
 * only one seals its WAL.
 */
class WalSealer {

	private static final Logger log = LoggerFactory.getLogger(WalSealer.class);

	private final WalArchive wal;

	private final BackupKey key;

	private volatile String lastFailure;

	WalSealer(WalArchive wal, BackupKey key) {
		this.wal = wal;
		this.key = key;
	}

	@Scheduled(fixedDelayString = "${getaways.backup.seal-interval:1s}")
	void seal() {
		try {
			int sealed = wal.seal(key);
			if (sealed > 0) {
				log.debug("Backup: sealed {} WAL segment(s)", sealed);
			}
			lastFailure = null;
		}
		catch (IOException | RuntimeException ex) {
			if (!String.valueOf(ex.getMessage()).equals(lastFailure)) {
				log.error("Backup: sealing archived WAL failed: {}", ex.getMessage());
			}
			lastFailure = String.valueOf(ex.getMessage());
		}
	}

	/** The last sealing failure, or null while sealing works. */
	String lastFailure() {
		return lastFailure;
	}

}
