package io.getaways.operations.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup repository on disk: {@code wal/} holds archived WAL segments,
 * {@code backups/<id>/} one backup each, complete only when its {@code manifest.json}
 * exists. {@code verified.json} beside it records the last verification; the manifest
 * itself is never rewritten.
 */
final class BackupRepository {

	static final String MANIFEST = "manifest.json";

	private static final String VERIFIED = "verified.json";

	private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Path root;

	BackupRepository(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	Path root() {
		return root;
	}

	Path wal() {
		return root.resolve("wal");
	}

	Path backupDir(String id) {
		return root.resolve("backups").resolve(id);
	}

	/** The outcome of the last verification of a backup. */
	record Verification(Instant at, boolean passed, String detail) {
	}

	/** A complete backup with its last verification, if any. */
	record Entry(BackupManifest manifest, Verification verification) {
	}

	/**
	 * A new, empty directory for a backup starting now; its id is the start time, made
	 * unique if need be.
	 */
	String newBackupId(Instant started) {
		String base = ID.format(started);
		String id = base;
		for (int n = 2; Files.exists(backupDir(id)); n++) {
			id = base + "-" + n;
		}
		try {
			Files.createDirectories(backupDir(id));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + backupDir(id) + ": " + ex.getMessage(), ex);
		}
		return id;
	}

	/** Complete backups, oldest first. */
	List<Entry> list() {
		Path backups = root.resolve("backups");
		if (!Files.isDirectory(backups)) {
			return List.of();
		}
		List<Entry> entries = new ArrayList<>();
		try (Stream<Path> dirs = Files.list(backups)) {
			for (Path dir : dirs.sorted().toList()) {
				Path manifest = dir.resolve(MANIFEST);
				if (Files.isRegularFile(manifest)) {
					entries
						.add(new Entry(read(manifest, BackupManifest.class), Files.isRegularFile(dir.resolve(VERIFIED))
								? read(dir.resolve(VERIFIED), Verification.class) : null));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list backups in " + backups + ": " + ex.getMessage(), ex);
		}
		entries.sort(Comparator.comparing(entry -> entry.manifest().started()));
		return entries;
	}

	Optional<Entry> find(String id) {
		return list().stream().filter(entry -> entry.manifest().id().equals(id)).findFirst();
	}

	/**
	 * Backup directories without a manifest: left by a backup that was stopped or died.
	 */
	List<Path> incomplete() {
		Path backups = root.resolve("backups");
		if (!Files.isDirectory(backups)) {
			return List.of();
		}
		try (Stream<Path> dirs = Files.list(backups)) {
			return dirs.filter(dir -> !Files.exists(dir.resolve(MANIFEST))).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * When the repository was first used, recorded once: until a first backup is due, its
	 * absence is not a fault.
	 */
	Instant createdAt() {
		Path marker = root.resolve(".created");
		try {
			if (!Files.exists(marker)) {
				Files.createDirectories(root);
				Path partial = root.resolve(".created.partial");
				Files.writeString(partial, Instant.now().toString());
				try {
					Files.move(partial, marker, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (java.nio.file.FileAlreadyExistsException ex) {
					Files.deleteIfExists(partial);
				}
			}
			return Instant.parse(Files.readString(marker).trim());
		}
		catch (IOException | java.time.format.DateTimeParseException ex) {
			throw new BackupFailedException("cannot read " + marker + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Removes the directories of interrupted backups; call with the repository locked.
	 */
	List<Path> removeIncomplete() {
		List<Path> removed = incomplete();
		for (Path dir : removed) {
			try {
				org.springframework.util.FileSystemUtils.deleteRecursively(dir);
			}
			catch (IOException ex) {
				throw new BackupFailedException("cannot remove the incomplete backup " + dir + ": " + ex.getMessage());
			}
		}
		return removed;
	}

	void writeManifest(BackupManifest manifest) {
		write(backupDir(manifest.id()).resolve(MANIFEST), manifest);
	}

	void writeVerification(String id, Verification verification) {
		write(backupDir(id).resolve(VERIFIED), verification);
	}

	/**
	 * An exclusive lock on the repository for work that changes it (backup, expire), so
	 * that two processes, or two instances sharing a repository, never interleave; held
	 * until closed, released by the OS if the process dies.
	 */
	AutoCloseable lockForChange() {
		try {
			Files.createDirectories(root);
			FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				channel.close();
				throw new BackupFailedException(
						"the backup repository " + root + " is busy: another backup or expire is running");
			}
			return () -> {
				lock.release();
				channel.close();
			};
		}
		catch (IOException ex) {
			throw new BackupFailedException("cannot lock the backup repository " + root + ": " + ex.getMessage());
		}
	}

	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	private static void write(Path target, Object value) {
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		try {
			try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
				channel.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(value)));
				channel.force(true);
			}
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			fsyncDirectory(target.getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + target + ": " + ex.getMessage(), ex);
		}
	}

	static void fsyncDirectory(Path dir) throws IOException {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	private static <T> T read(Path file, Class<T> type) {
		try {
			return JSON.readValue(file.toFile(), type);
		}
		catch (RuntimeException ex) {
			throw new BackupFailedException("cannot read " + file + ": " + ex.getMessage());
		}
	}

}
