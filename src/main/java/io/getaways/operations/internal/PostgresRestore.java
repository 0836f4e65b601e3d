package io.getaways.operations.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.getaways.operations.internal.StoredFiles.Stored;

/**
 * Lays a base backup out as a cluster, stages the WAL its target needs, and writes the
 * recovery settings; starting the cluster then replays to the target and promotes.
 * Everything that can be checked is checked before the first byte is written: the target
 * against the archive, and every WAL segment the replay needs.
 */
final class PostgresRestore {

	private static final DateTimeFormatter TARGET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx")
		.withZone(ZoneOffset.UTC);

	/** The WAL segments a restore replays, found before anything is written. */
	record Plan(BackupManifest manifest, RecoveryTarget target, List<String> segments) {
	}

	private PostgresRestore() {
	}

	static Plan plan(BackupManifest manifest, RecoveryTarget target, WalArchive wal) {
		BackupManifest.PostgresPart pg = manifest.postgres();
		String timeline = pg.startWal().substring(0, 8);
		List<String> segments;
		if (target instanceof RecoveryTarget.BackupPoint) {
			segments = wal.range(pg.startWal(), pg.restorePointWal());
		}
		else {
			String newest = newest(wal, timeline, pg);
			if (target instanceof RecoveryTarget.Time time) {
				Instant newestAt = wal.archivedAt(newest).orElseThrow();
				if (time.at().isAfter(newestAt)) {
					throw new BackupFailedException("target " + time.at() + " is after the newest archived WAL ("
							+ newest + ", archived " + newestAt + "); commits after that are not in the repository");
				}
			}
			segments = wal.range(pg.startWal(), newest);
		}
		return new Plan(manifest, target, segments);
	}

	private static String newest(WalArchive wal, String timeline, BackupManifest.PostgresPart pg) {
		String newest = wal.newest(timeline)
			.orElseThrow(() -> new BackupFailedException(
					"no archived WAL on timeline " + timeline + "; the backup cannot be made consistent"));
		return newest.compareTo(pg.restorePointWal()) < 0 ? pg.restorePointWal() : newest;
	}

	/**
	 * Restores into an empty or absent cluster directory; {@code staging} receives the
	 * WAL to replay.
	 */
	static void layOut(Plan plan, Path backupDir, BackupKey key, WalArchive wal, Path clusterDir, Path staging,
			Progress progress) {
		BackupManifest manifest = plan.manifest();
		try {
			Files.createDirectories(clusterDir);
			Files.setPosixFilePermissions(clusterDir, PosixFilePermissions.fromString("rwx------"));
			for (String directory : manifest.directories()) {
				Files.createDirectories(clusterDir.resolve(directory));
			}
			for (String emptied : PostgresBaseBackup.EMPTIED) {
				Files.createDirectories(clusterDir.resolve(emptied));
			}
			long total = manifest.files()
				.stream()
				.filter(f -> !f.name().startsWith("getaways/"))
				.mapToLong(Stored::size)
				.sum();
			Progress writing = progress.stage("Restoring PostgreSQL files", total, true);
			for (Stored file : manifest.files()) {
				if (file.name().startsWith("getaways/")) {
					continue;
				}
				try (InputStream in = StoredFiles.open(PostgresBaseBackup.storedPath(backupDir, file.name()), key)) {
					writing.advance(Files.copy(in, clusterDir.resolve(file.name())));
				}
			}
			writing.finish();
			Progress staged = progress.stage("Staging WAL segments", plan.segments().size(), false);
			wal.stage(plan.segments(), staging, key, staged);
			staged.finish();
			writeRecoverySettings(plan.target(), manifest, clusterDir, staging);
		}
		catch (IOException ex) {
			throw new BackupFailedException("restoring into " + clusterDir + " failed: " + ex.getMessage(), ex);
		}
	}

	private static void writeRecoverySettings(RecoveryTarget target, BackupManifest manifest, Path clusterDir,
			Path staging) throws IOException {
		String stagingPath = staging.toAbsolutePath().toString();
		if (stagingPath.contains("'") || stagingPath.contains("\"")) {
			throw new BackupFailedException("the restore path may not contain quotes: " + stagingPath);
		}
		List<String> lines = new ArrayList<>();
		lines.add("# recovery settings written by getaways restore; removed once recovery has finished");
		lines.add("restore_command = 'cp \"" + stagingPath + "/%f\" \"%p\"'");
		// stay on the backup's timeline: a restored server that archived into the same
		// repository made newer ones
		lines.add("recovery_target_timeline = 'current'");
		if (target instanceof RecoveryTarget.BackupPoint) {
			lines.add("recovery_target_name = '" + manifest.postgres().restorePoint() + "'");
			lines.add("recovery_target_action = 'promote'");
		}
		else if (target instanceof RecoveryTarget.Time time) {
			lines.add("recovery_target_time = '" + TARGET_TIME.format(time.at()) + "'");
			lines.add("recovery_target_inclusive = on");
			lines.add("recovery_target_action = 'promote'");
		}
		// Latest has no target: replay to the end of the staged WAL, then promote
		Files.writeString(clusterDir.resolve("postgresql.auto.conf"), String.join("\n", lines) + "\n",
				StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		Files.createFile(clusterDir.resolve("recovery.signal"));
	}

}
