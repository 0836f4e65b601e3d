package io.getaways.operations.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * A moment of a running database that recovery can reach exactly and whose contents are
 * known: a named restore point written while every table is locked against writes,
 * together with the table figures read in a snapshot taken under the same locks. Writers
 * wait only while the locks are taken and the snapshot exported, never while the figures
 * are computed: a second connection imports the snapshot, then the locks go.
 * <p>
 * No transaction commits between the snapshot and the restore point, so recovering to the
 * point, or to {@code at} (transactions blocked by the locks commit later, with later
 * timestamps), yields exactly the rows the figures describe.
 */
final class ConsistentPoint {

	/**
	 * @param at the database clock under the locks
	 * @param lsn where the restore point record is
	 * @param walFile the WAL segment holding it
	 */
	record Point(String name, Instant at, String lsn, String walFile, List<TableDigests.Figure> figures) {
	}

	private ConsistentPoint() {
	}

	private static final int ATTEMPTS = 8;

	/**
	 * Taking many locks one after another can deadlock with a writer that holds one of
	 * them and waits for another; PostgreSQL then cancels one side. When it cancels this
	 * one, or the locks take too long, the point is tried again with a fresh transaction,
	 * a few times.
	 */
	static Point take(DataSource superuser, String name) {
		for (int attempt = 1;; attempt++) {
			try {
				return attempt(superuser, name);
			}
			catch (BackupFailedException ex) {
				if (attempt == ATTEMPTS || !(ex.getCause() instanceof SQLException sql) || !retryable(sql)) {
					throw ex;
				}
				// jitter, so that the next attempt does not meet the same writers in step
				sleep(attempt * 200L + ThreadLocalRandom.current().nextLong(200));
			}
		}
	}

	/**
	 * Tables derived from the others (the search index, recorded analytics) first: their
	 * writers, such as the search indexer, change them and then mark their event
	 * publication done, so a backup holding {@code app.event_publication} while waiting
	 * for {@code search.listings} would deadlock with every such writer. The rest keep
	 * their name order, which matches how sign-in and booking transactions take them.
	 */
	static String lockOrder(List<TableDigests.Table> tables) {
		return tables.stream()
			.sorted(Comparator.comparing((TableDigests.Table table) -> !isDerived(table.qualifiedName())))
			.map(TableDigests.Table::qualifiedName)
			.collect(Collectors.joining(", "));
	}

	private static boolean isDerived(String qualifiedName) {
		return qualifiedName.startsWith("search.") || qualifiedName.startsWith("analytics.");
	}

	private static boolean retryable(SQLException ex) {
		// deadlock_detected, lock_not_available
		return "40P01".equals(ex.getSQLState()) || "55P03".equals(ex.getSQLState());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BackupFailedException("interrupted while marking a consistent point");
		}
	}

	private static Point attempt(DataSource superuser, String name) {
		try (Connection locking = superuser.getConnection(); Connection reading = superuser.getConnection()) {
			List<TableDigests.Table> tables = TableDigests.tables(locking);
			locking.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			locking.setAutoCommit(false);
			String snapshot;
			Point point;
			try (Statement statement = locking.createStatement()) {
				statement.execute("SET LOCAL lock_timeout = '10s'");
				// LOCK takes no snapshot, so the snapshot below is taken with the locks
				// held
				statement.execute("LOCK TABLE " + lockOrder(tables) + " IN SHARE MODE");
				try (PreparedStatement mark = locking.prepareStatement("""
						SELECT pg_export_snapshot() AS snapshot, clock_timestamp() AS at, p.lsn::text AS lsn,
						       pg_walfile_name(p.lsn) AS wal_file
						FROM pg_create_restore_point(?) AS p(lsn)""")) {
					mark.setString(1, name);
					try (ResultSet row = mark.executeQuery()) {
						row.next();
						snapshot = row.getString("snapshot");
						point = new Point(name, row.getTimestamp("at").toInstant(), row.getString("lsn"),
								row.getString("wal_file"), List.of());
					}
				}
				reading.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
				reading.setAutoCommit(false);
				try (PreparedStatement use = reading
					.prepareStatement("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'")) {
					use.execute();
				}
			}
			finally {
				locking.rollback();
			}
			List<TableDigests.Figure> figures = TableDigests.compute(reading);
			reading.rollback();
			return new Point(point.name(), point.at(), point.lsn(), point.walFile(), figures);
		}
		catch (SQLException ex) {
			throw new BackupFailedException("could not mark a consistent point in PostgreSQL: " + ex.getMessage(), ex);
		}
	}

}
