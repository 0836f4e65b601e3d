package io.getaways.operations.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * PostgreSQL's own account of WAL archiving ({@code pg_stat_archiver}): archiving is
 * failing when the last failure is newer than the last success.
 */
record ArchiverStatus(long archived, long failed, String lastFailedWal, Instant lastArchivedAt, Instant lastFailedAt) {

	static ArchiverStatus read(DataSource superuser) throws SQLException {
		try (Connection connection = superuser.getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("""
						SELECT archived_count, failed_count, last_failed_wal, last_archived_time, last_failed_time
						FROM pg_stat_archiver""")) {
			row.next();
			return new ArchiverStatus(row.getLong(1), row.getLong(2), row.getString(3), instant(row, 4),
					instant(row, 5));
		}
	}

	boolean failing() {
		return lastFailedAt != null && (lastArchivedAt == null || lastFailedAt.isAfter(lastArchivedAt));
	}

	private static Instant instant(ResultSet row, int column) throws SQLException {
		var value = row.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
