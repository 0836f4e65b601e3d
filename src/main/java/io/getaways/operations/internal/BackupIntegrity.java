package io.getaways.operations.internal;

import java.io.IOException;
import java.nio.file.Path;

import io.getaways.operations.internal.BackupManifest.CollectionDump;
import io.getaways.operations.internal.StoredFiles.Stored;

/**
 * The checks every read of a backup starts with: the right key, then every stored file's
 * checksum.
 */
final class BackupIntegrity {

	private BackupIntegrity() {
	}

	/**
	 * Fails at once, before reading any data, when the backup is encrypted under another
	 * key or none is given.
	 */
	static void checkKey(BackupManifest manifest, BackupKey key) {
		if (manifest.encrypted() && key == null) {
			throw new BackupFailedException("backup " + manifest.id() + " is encrypted; set getaways.backup.key "
					+ "(GETAWAYS_BACKUP_KEY) to the key it was written with");
		}
		if (manifest.encrypted() && !key.hasId(manifest.keyId())) {
			throw new BackupFailedException("backup " + manifest.id() + " was encrypted under another key (key id "
					+ manifest.keyId() + ", the configured key is " + key.id() + "): wrong getaways.backup.key");
		}
	}

	/** Fails naming the first file whose stored bytes do not match their checksum. */
	static void checkFiles(BackupManifest manifest, Path backupDir, Progress progress) {
		long total = manifest.storedSize();
		Progress checking = progress.stage("Checking " + manifest.id() + " checksums", total, true);
		try {
			for (Stored file : manifest.files()) {
				StoredFiles.check(PostgresBaseBackup.storedPath(backupDir, file.name()), file);
				checking.advance(file.storedSize());
			}
			for (CollectionDump dump : manifest.mongo().collections()) {
				StoredFiles.check(MongoDump.storedPath(backupDir, dump.name()), dump.file());
				checking.advance(dump.file().storedSize());
			}
		}
		catch (IOException ex) {
			throw new BackupFailedException("backup " + manifest.id() + " is damaged: " + ex.getMessage(), ex);
		}
		checking.finish();
	}

}
