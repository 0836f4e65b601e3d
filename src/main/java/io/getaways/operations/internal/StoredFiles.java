package io.getaways.operations.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;

/**
 * How a backup stores a file: zstd at its fastest level (the copy keeps up with the disk
 * on two cores, where gzip would be the bottleneck, and a relation file of hundreds of MB
 * is compressed by several threads), then AES-256-GCM when a key is set, then a SHA-256
 * of the stored bytes, so that verify can prove integrity without the key. A file appears
 * under its final name only once complete and on disk (temporary name, fsync, rename).
 */
final class StoredFiles {

	private static final int BUFFER = 1 << 16;
	static final int DEFAULT_LEVEL = 1;

	/**
	 * Below this a file is compressed by the copying thread alone; above it zstd's own
	 * workers join in.
	 */
	private static final long MULTI_THREADED_FROM = 64L << 20;

	private StoredFiles() {
	}

	/** What the manifest records of one stored file. */
	record Stored(String name, long size, long storedSize, String sha256) {
	}

	/** A stored file whose bytes do not match its recorded checksum. */
	static final class Damaged extends IOException {

		Damaged(String message) {
			super(message);
		}

	}

	/**
	 * Stores what {@code content} writes, under {@code target}; {@code name} is how the
	 * manifest names it.
	 */
	static Stored store(Path target, String name, BackupKey key, ContentWriter content) throws IOException {
		return store(target, name, key, DEFAULT_LEVEL, 1, true, content);
	}

	/**
	 * As {@link #store(Path, String, BackupKey, ContentWriter)}, compressed by
	 * {@code workers} threads; unless {@code sync}, the caller syncs the file system
	 * before anything depends on the file (see {@link #syncAll}).
	 */
	static Stored store(Path target, String name, BackupKey key, int level, int workers, boolean sync,
			ContentWriter content) throws IOException {
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		Files.createDirectories(target.getParent());
		MessageDigest digest = sha256();
		CountingOutputStream stored;
		CountingOutputStream plain;
		try (FileOutputStream file = new FileOutputStream(partial.toFile())) {
			stored = new CountingOutputStream(
					new DigestOutputStream(new BufferedOutputStream(new FilterOutputStream(file) {
						@Override
						public void write(byte[] b, int off, int len) throws IOException {
							out.write(b, off, len);
						}

						@Override
						public void close() throws IOException {
							// the file is synced and closed below, after the streams
							// above it have flushed
							out.flush();
						}
					}, BUFFER), digest));
			OutputStream sealed = key == null ? stored : ChunkedGcm.encrypting(stored, key);
			ZstdOutputStream zstd = new ZstdOutputStream(sealed, level);
			if (workers > 1) {
				zstd.setWorkers(workers);
			}
			plain = new CountingOutputStream(zstd);
			content.writeTo(plain);
			plain.close();
			if (sync) {
				file.getFD().sync();
			}
		}
		Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		return new Stored(name, plain.count, stored.count, HexFormat.of().formatHex(digest.digest()));
	}

	/**
	 * Stores a copy of a file, large ones compressed by up to {@code threads} threads,
	 * without syncing it: a base backup writes a thousand files and syncs them all at
	 * once before its manifest. A file that vanishes meanwhile (PostgreSQL dropped it)
	 * yields null.
	 */
	static Stored storeCopy(Path source, Path target, String name, BackupKey key, int level, int threads)
			throws IOException {
		InputStream in;
		long size;
		try {
			in = Files.newInputStream(source);
			size = Files.size(source);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			return null;
		}
		try (in) {
			return store(target, name, key, level, size >= MULTI_THREADED_FROM ? threads : 1, false,
					out -> in.transferTo(out));
		}
	}

	/**
	 * Makes every file written under {@code dir} durable with one file-system sync
	 * ({@code sync -f}) rather than one fsync a file; where that command fails, file by
	 * file.
	 */
	static void syncAll(Path dir) throws IOException {
		try {
			Process sync = new ProcessBuilder("sync", "-f", dir.toString()).redirectErrorStream(true).start();
			sync.getInputStream().transferTo(OutputStream.nullOutputStream());
			if (sync.waitFor() == 0) {
				return;
			}
		}
		catch (IOException ex) {
			// no sync command: fall through to syncing file by file
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while syncing " + dir, ex);
		}
		try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
						java.nio.file.StandardOpenOption.WRITE)) {
					channel.force(true);
				}
			}
		}
	}

	/**
	 * The original bytes of a stored file; the caller checks the checksum first or reads
	 * through {@link #checked}.
	 */
	static InputStream open(Path stored, BackupKey key) throws IOException {
		InputStream in = Files.newInputStream(stored);
		try {
			InputStream plain = key == null ? in : ChunkedGcm.decrypting(in, key);
			return new BufferedInputStream(new ZstdInputStream(plain), BUFFER);
		}
		catch (IOException | RuntimeException ex) {
			in.close();
			throw ex;
		}
	}

	/**
	 * Fails naming the file when its stored bytes do not hash to the recorded SHA-256.
	 */
	static void check(Path stored, Stored expected) throws IOException {
		if (!Files.isRegularFile(stored)) {
			throw new Damaged(expected.name() + ": missing from the backup");
		}
		MessageDigest digest = sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(stored), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		String actual = HexFormat.of().formatHex(digest.digest());
		if (!actual.equals(expected.sha256())) {
			throw new Damaged(expected.name() + ": checksum mismatch (recorded " + expected.sha256().substring(0, 12)
					+ "…, found " + actual.substring(0, 12) + "…): the stored file was changed or damaged");
		}
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	interface ContentWriter {

		void writeTo(OutputStream out) throws IOException;

	}

	private static final class CountingOutputStream extends FilterOutputStream {

		long count;

		CountingOutputStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
			count += len;
		}

	}

}
