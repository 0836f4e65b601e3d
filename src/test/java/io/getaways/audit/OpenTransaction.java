package io.getaways.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.getaways.platform.db.DatabaseSettings;

/**
 * A transaction of the application role left open on purpose, as a slow request would
 * leave it.
 */
final class OpenTransaction implements AutoCloseable {

	private final Connection connection;

	OpenTransaction(DataSource pool, DatabaseSettings settings) throws SQLException {
		this.connection = pool.getConnection();
		connection.setAutoCommit(false);
		try (PreparedStatement role = connection.prepareStatement("SELECT set_config('role', ?, true)")) {
			role.setString(1, settings.roles().jobs());
			role.execute();
		}
	}

	long recordEvent(String kind) throws SQLException {
		try (PreparedStatement record = connection.prepareStatement("SELECT audit.record_event(?, 'open', '{}')")) {
			record.setString(1, kind);
			try (ResultSet rows = record.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/** Makes the transaction take its id now, before it writes anything. */
	void takeTransactionId() throws SQLException {
		try (PreparedStatement take = connection.prepareStatement("SELECT pg_current_xact_id()")) {
			take.execute();
		}
	}

	void commit() throws SQLException {
		connection.commit();
	}

	@Override
	public void close() throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.rollback();
		}
		connection.close();
	}

}
