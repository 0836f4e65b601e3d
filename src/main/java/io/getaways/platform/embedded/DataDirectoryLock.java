package io.getaways.platform.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive OS lock on the data directory, so that two processes never run embedded
 * servers over the same files. The lock dies with the process, so a crash never leaves it
 * stale.
 * <p>
 * On Linux the lock is a POSIX record lock, which the process loses as soon as it closes
 * any descriptor of the lock file, however opened. So the lock file stays empty and the
 * owner is written to a file of its own, and this JVM never opens a lock file it already
 * holds, even when the directory is named by another path.
 */
final class DataDirectoryLock implements AutoCloseable {

	private static final String LOCK_FILE = ".getaways.lock";

	private static final String OWNER_FILE = ".getaways.owner";

	private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

	private final Path heldFile;

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(Path heldFile, FileChannel channel, FileLock lock) {
		this.heldFile = heldFile;
		this.channel = channel;
		this.lock = lock;
	}

	static DataDirectoryLock acquire(Path dataDir) {
		Path heldFile;
		try {
			Files.createDirectories(dataDir);
			heldFile = dataDir.toRealPath().resolve(LOCK_FILE);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot lock data directory " + dataDir + ": " + ex.getMessage(), ex);
		}
		if (!HELD_IN_THIS_JVM.add(heldFile)) {
			throw new DataDirectoryInUseException(dataDir, readOwner(dataDir) + ", this JVM");
		}
		FileChannel channel = null;
		try {
			channel = FileChannel.open(heldFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				channel.close();
				throw new DataDirectoryInUseException(dataDir, readOwner(dataDir));
			}
			Files.writeString(dataDir.resolve(OWNER_FILE), "pid=" + ProcessHandle.current().pid() + "\n",
					StandardCharsets.UTF_8);
			return new DataDirectoryLock(heldFile, channel, lock);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			HELD_IN_THIS_JVM.remove(heldFile);
			throw new IllegalStateException("Cannot lock data directory " + dataDir + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			HELD_IN_THIS_JVM.remove(heldFile);
			throw ex;
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

	private static String readOwner(Path dataDir) {
		try {
			return Files.readString(dataDir.resolve(OWNER_FILE)).trim();
		}
		catch (IOException ex) {
			return "owner unknown";
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
		finally {
			HELD_IN_THIS_JVM.remove(heldFile);
		}
	}

}
