package io.getaways.platform.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code getaways.replicas.synchronous} on the embedded primary: a commit returns only
 * once one of the named standbys has flushed it, so a promoted standby holds every
 * booking a client was told about. Set after the standbys run, since commits made while
 * none is connected would wait for ever.
 */
final class SynchronousStandbys {

	private SynchronousStandbys() {
	}

	static void apply(String superuserUrl, List<String> names) {
		String sql = names.isEmpty() ? "ALTER SYSTEM RESET synchronous_standby_names"
				: "ALTER SYSTEM SET synchronous_standby_names = 'ANY 1 ("
						+ names.stream().map(name -> '"' + name + '"').collect(Collectors.joining(",")) + ")'";
		try (Connection connection = DriverManager.getConnection(superuserUrl, "postgres", null);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
			statement.execute("SELECT pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Embedded PostgreSQL: could not set synchronous_standby_names: " + ex.getMessage(), ex);
		}
	}

}
