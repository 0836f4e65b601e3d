package io.getaways.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import io.getaways.support.TestStores;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of its own, with roles of its own prefix, on the PostgreSQL server under a
 * test context: migrations can be rolled back there without touching the database the
 * shared test contexts use. Closing drops both.
 */
final class ScratchDatabase implements AutoCloseable {

	private final String adminUrl;

	private final String superuser;

	private final String name;

	private final DatabaseRoles roles;

	private ScratchDatabase(String adminUrl, String superuser, String name, DatabaseRoles roles) {
		this.adminUrl = adminUrl;
		this.superuser = superuser;
		this.name = name;
		this.roles = roles;
	}

	/**
	 * Provisions a database named after the role prefix, the way embedded mode and
	 * operators do.
	 */
	static ScratchDatabase create(ApplicationContext context, String rolePrefix) {
		ScratchDatabase scratch = new ScratchDatabase(TestStores.superuserUrl(context, "postgres"),
				TestStores.superuser(), rolePrefix + "_db", new DatabaseRoles(rolePrefix));
		PostgresProvisioner.provision(scratch.adminUrl, scratch.superuser, null, scratch.name, scratch.roles,
				"scratch-owner-password");
		return scratch;
	}

	DatabaseRoles roles() {
		return roles;
	}

	/** The scratch database's URL; with the superuser name it connects as superuser. */
	String url() {
		return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
	}

	String superuser() {
		return superuser;
	}

	DatabaseMigrator migrator() {
		DatabaseSettings settings = new DatabaseSettings(roles.prefix(), false,
				new DatabaseSettings.Credentials(roles.owner(), "scratch-owner-password"),
				new DatabaseSettings.LoginPasswords(null, null, null));
		return new DatabaseMigrator(url(), settings, "scratch-app-password");
	}

	@Override
	public void close() {
		try (Connection connection = DriverManager.getConnection(adminUrl, superuser, null)) {
			JdbcTemplate sql = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			sql.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?", name);
			sql.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
			List<String> prefixed = sql.queryForList(
					"SELECT rolname FROM pg_roles WHERE starts_with(rolname, ?) ORDER BY rolname = ?", String.class,
					roles.prefix() + "_", roles.owner());
			// the owner last: on PostgreSQL 16 and later it is the grantor of the other
			// roles' memberships
			prefixed.forEach(role -> sql.execute("DROP ROLE \"" + role + "\""));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot drop scratch database " + name + " and its roles", ex);
		}
	}

}
