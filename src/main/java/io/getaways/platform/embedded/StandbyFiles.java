package io.getaways.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The file side of making a standby: a running cluster copied between
 * {@code pg_backup_start} and {@code pg_backup_stop}, leaving out what PostgreSQL
 * rebuilds or what belongs to the running primary only. Files changing under the copy are
 * fine: the standby replays the WAL from the backup's start over them.
 */
final class StandbyFiles {

	private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
			"pg_snapshots", "pg_stat_tmp", "pg_subtrans", "log");

	private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
			"tablespace_map", "epg-lock", "current_logfiles", "recovery.signal", "standby.signal");

	private StandbyFiles() {
	}

	static void copyCluster(Path from, Path to) throws IOException {
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(from)) {
			paths = walk.sorted().toList();
		}
		Files.createDirectories(to);
		Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
		for (Path path : paths) {
			Path relative = from.relativize(path);
			if (relative.toString().isEmpty() || skipped(relative)) {
				continue;
			}
			Path target = to.resolve(relative.toString());
			try {
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else if (Files.isRegularFile(path)) {
					Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
			catch (NoSuchFileException ex) {
				// removed while copying (a temporary file); recovery does not need it
			}
		}
	}

	private static boolean skipped(Path relative) {
		String name = relative.getFileName().toString();
		if (relative.getNameCount() == 1 && SKIPPED.contains(name)) {
			return true;
		}
		if (name.equals("pg_internal.init") || name.startsWith("pgsql_tmp")) {
			return true;
		}
		return relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString());
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/** The running postmaster of a cluster, from its {@code postmaster.pid}. */
	static Optional<ProcessHandle> postmaster(Path clusterDir) {
		try {
			List<String> lines = Files.readAllLines(clusterDir.resolve("postmaster.pid"));
			return lines.isEmpty() ? Optional.empty()
					: ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
