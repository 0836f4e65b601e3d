package io.getaways.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Migrations create roles without passwords, so that no secret ever sits in a changeset
 * or its checksum; this step gives the login roles theirs from configuration.
 */
final class LoginRoles {

	private final DatabaseSettings settings;

	private final String appPassword;

	LoginRoles(DatabaseSettings settings, String appPassword) {
		this.settings = settings;
		this.appPassword = appPassword;
	}

	void apply(Connection connection) throws SQLException {
		DatabaseRoles roles = settings.roles();
		DatabaseSettings.LoginPasswords passwords = settings.loginPasswords();
		grantLogin(connection, roles.app(), appPassword);
		grantLogin(connection, roles.readonly(), passwords.readonly());
		grantLogin(connection, roles.auditor(), passwords.auditor());
		grantLogin(connection, roles.backup(), passwords.backup());
	}

	private static void grantLogin(Connection connection, String role, String password) throws SQLException {
		if (password == null || password.isBlank() || !exists(connection, role)) {
			return;
		}
		PostgresProvisioner.execute(connection, "ALTER ROLE %I LOGIN PASSWORD %L", role, password);
	}

	private static boolean exists(Connection connection, String role) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
			statement.setString(1, role);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

}
