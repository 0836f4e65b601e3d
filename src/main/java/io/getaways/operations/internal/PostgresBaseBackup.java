package io.getaways.operations.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.getaways.operations.internal.StoredFiles.Stored;

/**
 * A physical base backup through PostgreSQL's non-exclusive low-level API:
 * {@code pg_backup_start} and {@code pg_backup_stop} on one connection, the data
 * directory copied in between while the server keeps writing. Torn or changing files are
 * fine: recovery replays the WAL from the start point over them. The {@code backup_label}
 * and {@code tablespace_map} that {@code pg_backup_stop} returns are stored as files of
 * the backup, as the documentation requires.
 */
final class PostgresBaseBackup {

	/**
	 * Folders whose contents PostgreSQL rebuilds or must not get back; the folders
	 * themselves are kept.
	 */
	static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
			"pg_snapshots", "pg_stat_tmp", "pg_subtrans", "log");

	private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
			"tablespace_map", "epg-lock", "current_logfiles", "recovery.signal", "standby.signal");

	/** What the backup recorded of PostgreSQL. */
	record Result(String serverVersion, int timeline, String startLsn, String stopLsn, String startWal, String stopWal,
			long dataSize, List<String> directories, List<Stored> files) {
	}

	private PostgresBaseBackup() {
	}

	/**
	 * @param stopTimeout how long {@code pg_backup_stop} may wait for its WAL to be
	 * archived; broken archiving would otherwise keep it waiting for ever
	 */
	static Result take(DataSource superuser, Path backupDir, BackupKey key, String label, int threads, int level,
			Duration stopTimeout, Progress progress) {
		try (Connection connection = superuser.getConnection()) {
			connection.setAutoCommit(true);
			Path dataDir = Path.of(scalar(connection, "SELECT current_setting('data_directory')"));
			String version = scalar(connection, "SELECT current_setting('server_version')");
			String startLsn;
			try (PreparedStatement start = connection.prepareStatement("SELECT pg_backup_start(?, true)::text")) {
				start.setString(1, label);
				try (ResultSet row = start.executeQuery()) {
					row.next();
					startLsn = row.getString(1);
				}
			}
			int timeline = Integer.parseInt(scalar(connection, "SELECT timeline_id FROM pg_control_checkpoint()"));
			String startWal = walFile(connection, startLsn);
			List<String> directories = new ArrayList<>();
			List<Path> files = new ArrayList<>();
			long total = list(dataDir, directories, files);
			Progress copying = progress.stage("PostgreSQL base backup", total, true);
			List<Stored> stored = copy(dataDir, files, backupDir, key, threads, level, copying);
			// the copies are written unsynced; they become durable together, before the
			// backup can be complete
			StoredFiles.syncAll(backupDir);
			try (Statement timeout = connection.createStatement()) {
				timeout.execute("SET statement_timeout = '" + stopTimeout.toSeconds() + "s'");
			}
			try (Statement statement = connection.createStatement();
					ResultSet row = statement
						.executeQuery("SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(true)")) {
				row.next();
				String stopLsn = row.getString(1);
				stored.add(storeText(backupDir, "backup_label", row.getString(2), key));
				String tablespaceMap = row.getString(3);
				if (tablespaceMap != null && !tablespaceMap.isBlank()) {
					stored.add(storeText(backupDir, "tablespace_map", tablespaceMap, key));
				}
				copying.finish();
				return new Result(version, timeline, startLsn, stopLsn, startWal, walFile(connection, stopLsn), total,
						directories, stored);
			}
		}
		catch (SQLException ex) {
			throw new BackupFailedException("PostgreSQL base backup failed: " + ex.getMessage(), ex);
		}
		catch (java.io.IOException ex) {
			throw new BackupFailedException("syncing the base backup failed: " + ex.getMessage(), ex);
		}
	}

	static Path storedPath(Path backupDir, String name) {
		return backupDir.resolve("pg").resolve(name + ".zst");
	}

	private static long list(Path dataDir, List<String> directories, List<Path> files) {
		long total = 0;
		try (Stream<Path> walk = Files.walk(dataDir)) {
			for (Path path : walk.sorted().toList()) {
				Path relative = dataDir.relativize(path);
				if (relative.toString().isEmpty() || skipped(relative)) {
					continue;
				}
				if (Files.isSymbolicLink(path)) {
					throw new BackupFailedException("the data directory holds a link (" + relative
							+ "), such as a tablespace; the built-in backup copies plain data directories only, "
							+ "use pgBackRest for this server");
				}
				if (Files.isDirectory(path)) {
					directories.add(relative.toString());
				}
				else if (Files.isRegularFile(path)) {
					files.add(relative);
					total += sizeOf(path);
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw new BackupFailedException("cannot list the data directory " + dataDir + ": " + ex.getMessage(), ex);
		}
		return total;
	}

	private static boolean skipped(Path relative) {
		String name = relative.getFileName().toString();
		if (relative.getNameCount() == 1 && SKIPPED_FILES.contains(name)) {
			return true;
		}
		if (name.equals("pg_internal.init") || name.startsWith("pgsql_tmp")) {
			return true;
		}
		// a file inside an emptied folder; the folder itself is kept
		return relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString());
	}

	private static long sizeOf(Path path) {
		try {
			return Files.size(path);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static List<Stored> copy(Path dataDir, List<Path> files, Path backupDir, BackupKey key, int threads,
			int level, Progress progress) {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Stored>> copies = new ArrayList<>();
			// largest first, so that the threads finish together
			files.stream()
				.sorted(Comparator.comparingLong((Path f) -> sizeOf(dataDir.resolve(f))).reversed())
				.forEach(file -> copies.add(pool.submit(() -> {
					Stored stored = StoredFiles.storeCopy(dataDir.resolve(file), storedPath(backupDir, file.toString()),
							file.toString(), key, level, threads);
					progress.advance(stored == null ? 0 : stored.size());
					return stored;
				})));
			List<Stored> stored = new ArrayList<>();
			for (Future<Stored> copy : copies) {
				Stored one = copy.get();
				if (one != null) {
					stored.add(one);
				}
			}
			return stored;
		}
		catch (ExecutionException ex) {
			throw new BackupFailedException("copying the data directory failed: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BackupFailedException("interrupted while copying the data directory");
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Stored storeText(Path backupDir, String name, String text, BackupKey key) {
		try {
			return StoredFiles.store(storedPath(backupDir, name), name, key,
					out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new BackupFailedException("cannot store " + name + ": " + ex.getMessage(), ex);
		}
	}

	static String walFile(Connection connection, String lsn) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_walfile_name(?::pg_lsn)")) {
			statement.setString(1, lsn);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getString(1);
			}
		}
	}

	static String scalar(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getString(1);
		}
	}

}
