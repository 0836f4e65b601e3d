package io.getaways.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one step that needs a PostgreSQL superuser: the schema owner role, the database it
 * owns, and the backup role (only a superuser may grant BYPASSRLS). Embedded mode runs it
 * on its own server; an operator runs the equivalent ops/postgres/provision.sql once on a
 * real server. Safe to repeat.
 */
public final class PostgresProvisioner {

	private static final Logger log = LoggerFactory.getLogger(PostgresProvisioner.class);

	private PostgresProvisioner() {
	}

	public static void provision(String superuserUrl, String superuser, String superuserPassword, String database,
			DatabaseRoles roles, String ownerPassword) {
		try (Connection connection = DriverManager.getConnection(superuserUrl, superuser, superuserPassword)) {
			connection.setAutoCommit(true);
			boolean ownerExists = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", roles.owner());
			execute(connection, ownerExists ? "ALTER ROLE %I LOGIN CREATEROLE PASSWORD %L"
					: "CREATE ROLE %I LOGIN CREATEROLE PASSWORD %L", roles.owner(), ownerPassword);
			if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", roles.backup())) {
				execute(connection, "CREATE ROLE %I NOLOGIN BYPASSRLS", roles.backup());
			}
			if (connection.getMetaData().getDatabaseMajorVersion() >= 16) {
				// from PostgreSQL 16 on, the owner needs ADMIN on a role to set its
				// password; it gains no privilege
				execute(connection, "GRANT %I TO %I WITH ADMIN TRUE, INHERIT FALSE, SET FALSE", roles.backup(),
						roles.owner());
			}
			if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
				execute(connection, "CREATE DATABASE %I OWNER %I ENCODING 'UTF8'", database, roles.owner());
				log.info("PostgreSQL: created database {} owned by {}", database, roles.owner());
			}
			execute(connection, "REVOKE ALL ON DATABASE %I FROM PUBLIC", database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Provisioning database " + database + " at " + superuserUrl + " failed: " + ex.getMessage(), ex);
		}
	}

	private static boolean exists(Connection connection, String sql, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	/**
	 * Identifiers and literals are quoted by the server's own format(), never by string
	 * concatenation.
	 */
	static void execute(Connection connection, String template, String... arguments) throws SQLException {
		StringBuilder call = new StringBuilder("SELECT format(?");
		for (int i = 0; i < arguments.length; i++) {
			call.append(", ?");
		}
		call.append(')');
		String sql;
		try (PreparedStatement statement = connection.prepareStatement(call.toString())) {
			statement.setString(1, template);
			for (int i = 0; i < arguments.length; i++) {
				statement.setString(i + 2, arguments[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				sql = rows.getString(1);
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
