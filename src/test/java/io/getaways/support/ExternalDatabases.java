package io.getaways.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Drops and creates a test database on a real server, so every run of the external pass
 * starts clean.
 */
final class ExternalDatabases {

	private ExternalDatabases() {
	}

	static void recreate(String adminUrl, String admin, String database) {
		if (!database.matches("[a-z][a-z0-9_]{0,40}")) {
			throw new IllegalArgumentException("Unsafe test database name " + database);
		}
		try (Connection connection = DriverManager.getConnection(adminUrl, admin, null)) {
			try (PreparedStatement kill = connection.prepareStatement(
					"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
				kill.setString(1, database);
				kill.execute();
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + database);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot recreate test database " + database + " at " + adminUrl, ex);
		}
	}

}
