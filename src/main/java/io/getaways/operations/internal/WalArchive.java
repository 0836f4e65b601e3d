package io.getaways.operations.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The archived WAL in the repository's {@code wal/} folder: one gzip file per 16 MiB
 * segment, written by {@code archive-wal.sh}, which PostgreSQL runs as its
 * {@code archive_command}, and, when backups are encrypted, sealed by {@link WalSealer}
 * into {@code <segment>.gz.enc} (AES-256-GCM over the gzip bytes). A segment's
 * modification time is when it was archived or sealed, so every commit in it happened
 * before that time.
 */
final class WalArchive {

	static final String SCRIPT = "archive-wal.sh";

	private static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}");

	private static final String PLAIN = ".gz";

	private static final String SEALED = ".gz.enc";

	private final Path dir;

	WalArchive(Path dir) {
		this.dir = dir;
	}

	/**
	 * Writes the archive script into the repository and returns the archive_command that
	 * runs it.
	 */
	static String install(Path repository) {
		try {
			Files.createDirectories(repository.resolve("wal"));
			Path script = repository.resolve(SCRIPT);
			try (InputStream in = WalArchive.class.getResourceAsStream(SCRIPT)) {
				Path partial = repository.resolve(SCRIPT + ".partial");
				Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
				Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
				Files.move(partial, script, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			return "/bin/sh '" + script.toString().replace("'", "'\\''") + "' %p %f";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot install the WAL archive script in " + repository + ": " + ex.getMessage(), ex);
		}
	}

	static boolean isSegment(String name) {
		return SEGMENT.matcher(name).matches();
	}

	/**
	 * The segment after this one on the same timeline (16 MiB segments: 256 per log
	 * file).
	 */
	static String next(String segment) {
		String timeline = segment.substring(0, 8);
		long log = Long.parseLong(segment.substring(8, 16), 16);
		long seg = Long.parseLong(segment.substring(16, 24), 16);
		if (++seg > 0xFF) {
			seg = 0;
			log++;
		}
		return timeline + String.format("%08X%08X", log, seg);
	}

	/** The segment's file: sealed if it has been, else as archived. */
	Path path(String segment) {
		Path sealed = dir.resolve(segment + SEALED);
		return Files.exists(sealed) ? sealed : dir.resolve(segment + PLAIN);
	}

	boolean has(String segment) {
		return Files.isRegularFile(path(segment));
	}

	Optional<Instant> archivedAt(String segment) {
		try {
			return Optional.of(Files.getLastModifiedTime(path(segment)).toInstant());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/** Archived segments, oldest first, whatever their timeline. */
	List<String> segments() {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(path -> path.getFileName().toString())
				.map(WalArchive::segmentOf)
				.filter(name -> name != null && isSegment(name))
				.distinct()
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String segmentOf(String fileName) {
		if (fileName.endsWith(SEALED)) {
			return fileName.substring(0, fileName.length() - SEALED.length());
		}
		return fileName.endsWith(PLAIN) ? fileName.substring(0, fileName.length() - PLAIN.length()) : null;
	}

	/** The newest archived segment of the timeline, if any. */
	Optional<String> newest(String timeline) {
		return segments().stream().filter(s -> s.startsWith(timeline)).reduce((a, b) -> b);
	}

	/**
	 * Every segment from {@code first} through {@code last} inclusive, in order; fails
	 * naming the first one missing, because recovery would otherwise stop early at that
	 * gap without a word.
	 */
	List<String> range(String first, String last) {
		List<String> range = new ArrayList<>();
		for (String segment = first;; segment = next(segment)) {
			if (!has(segment)) {
				throw new BackupFailedException(
						"WAL segment " + segment + " is missing from " + dir + ": recovery cannot pass it");
			}
			range.add(segment);
			if (segment.equals(last)) {
				return range;
			}
			if (segment.compareTo(last) > 0) {
				throw new IllegalArgumentException("WAL range " + first + ".." + last + " is reversed");
			}
		}
	}

	/**
	 * Decrypts and decompresses segments into a folder that a plain {@code cp}
	 * restore_command reads.
	 */
	long stage(List<String> segments, Path staging, BackupKey key, Progress progress) {
		long bytes = 0;
		try {
			Files.createDirectories(staging);
			for (String segment : segments) {
				try (InputStream in = open(segment, key)) {
					bytes += Files.copy(in, staging.resolve(segment), StandardCopyOption.REPLACE_EXISTING);
				}
				progress.advance(1);
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new BackupFailedException("cannot stage WAL for recovery in " + staging + ": " + ex.getMessage(), ex);
		}
	}

	/** The segment's original bytes. */
	InputStream open(String segment, BackupKey key) throws IOException {
		Path file = path(segment);
		if (!file.getFileName().toString().endsWith(SEALED)) {
			return new GZIPInputStream(Files.newInputStream(file), 1 << 16);
		}
		if (key == null) {
			throw new BackupFailedException("WAL segment " + segment + " is encrypted; set getaways.backup.key");
		}
		return new GZIPInputStream(ChunkedGcm.decrypting(Files.newInputStream(file), key), 1 << 16);
	}

	/**
	 * Encrypts every segment still stored as archived, then removes the plain copy. A
	 * plain copy whose sealed twin exists is PostgreSQL archiving the segment again after
	 * a crash: equal contents are dropped, different ones are an error and both are kept
	 * for an operator.
	 * @return how many segments were sealed
	 */
	int seal(BackupKey key) throws IOException {
		int sealed = 0;
		for (String segment : segments()) {
			Path plain = dir.resolve(segment + PLAIN);
			Path target = dir.resolve(segment + SEALED);
			if (!Files.exists(plain)) {
				continue;
			}
			if (Files.exists(target)) {
				if (!sameContent(segment, plain, key)) {
					throw new BackupFailedException("WAL segment " + segment + " was archived twice with different "
							+ "content; both copies are kept in " + dir);
				}
			}
			else {
				Path partial = dir.resolve("." + segment + SEALED + ".partial");
				try (InputStream in = Files.newInputStream(plain);
						java.io.FileOutputStream file = new java.io.FileOutputStream(partial.toFile())) {
					java.io.OutputStream out = ChunkedGcm
						.encrypting(new java.io.BufferedOutputStream(new java.io.FilterOutputStream(file) {
							@Override
							public void close() throws IOException {
								flush();
							}
						}, 1 << 16), key);
					in.transferTo(out);
					out.close();
					file.getFD().sync();
				}
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
				sealed++;
			}
			Files.delete(plain);
			BackupRepository.fsyncDirectory(dir);
		}
		return sealed;
	}

	private boolean sameContent(String segment, Path plain, BackupKey key) throws IOException {
		try (InputStream first = new GZIPInputStream(Files.newInputStream(plain));
				InputStream second = open(segment, key)) {
			byte[] a = new byte[1 << 16];
			byte[] b = new byte[1 << 16];
			while (true) {
				int n = first.readNBytes(a, 0, a.length);
				int m = second.readNBytes(b, 0, b.length);
				if (n != m || !java.util.Arrays.equals(a, 0, n, b, 0, m)) {
					return false;
				}
				if (n == 0) {
					return true;
				}
			}
		}
	}

	/**
	 * Waits until PostgreSQL has archived the segment (it switches segments on demand,
	 * see the caller).
	 */
	void awaitArchived(String segment, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!has(segment)) {
			if (System.nanoTime() > deadline) {
				throw new BackupFailedException("WAL segment " + segment + " was not archived to " + dir + " within "
						+ timeout.toSeconds() + "s: check archive_command in the PostgreSQL log");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BackupFailedException("interrupted while waiting for WAL segment " + segment);
			}
		}
	}

	/**
	 * Deletes archived segments older than {@code keepFrom} on every timeline; returns
	 * how many.
	 */
	int deleteBefore(String keepFrom, List<String> alsoKeep) {
		int deleted = 0;
		for (String segment : segments()) {
			if (segment.substring(8).compareTo(keepFrom.substring(8)) < 0 && !alsoKeep.contains(segment)) {
				try {
					Files.deleteIfExists(dir.resolve(segment + PLAIN));
					Files.deleteIfExists(dir.resolve(segment + SEALED));
					deleted++;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return deleted;
	}

}
