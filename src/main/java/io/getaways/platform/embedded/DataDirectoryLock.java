package io.getaways.platform.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on the data directory, so that two processes never run embedded servers over the same files.
 * The lock dies with the process, so a crash never leaves it stale.
 */
final class DataDirectoryLock implements AutoCloseable {

	private static final String LOCK_FILE = ".getaways.lock";

	private final FileChannel channel;
	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	static DataDirectoryLock acquire(Path dataDir) {
		Path lockFile = dataDir.resolve(LOCK_FILE);
		FileChannel channel = null;
		try {
			Files.createDirectories(dataDir);
			channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.READ);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				channel.close();
				throw new DataDirectoryInUseException(dataDir, readOwner(lockFile));
			}
			channel.truncate(0);
			channel.write(StandardCharsets.UTF_8.encode("pid=" + ProcessHandle.current().pid() + "\n"));
			channel.force(true);
			return new DataDirectoryLock(channel, lock);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new IllegalStateException("Cannot lock data directory " + dataDir + ": " + ex.getMessage(), ex);
		}
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			return null;
		}
	}

	private static String readOwner(Path lockFile) {
		try {
			return Files.readString(lockFile).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// already failing; the original error is the one worth reporting
			}
		}
	}

	@Override
	public void close() {
		try {
			lock.release();
			channel.close();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot release data directory lock", ex);
		}
	}
}
