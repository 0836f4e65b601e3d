package io.getaways.operations.internal.replica;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** One replica as the command finds it, over a connection of its own. */
record ReplicaProbe(ReplicaTargets.Target target, String state, String replayLsn, Double lastCommitAgeSeconds,
		String error) {

	private static final String POSITION = """
			SELECT pg_is_in_recovery(),
			       coalesce(pg_last_wal_replay_lsn(), pg_current_wal_lsn())::text,
			       extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())
			""";

	static ReplicaProbe of(ReplicaTargets.Target target) {
		try (Connection connection = connect(target); Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(5);
			try (ResultSet row = statement.executeQuery(POSITION)) {
				row.next();
				boolean standby = row.getBoolean(1);
				Double age = row.getObject(3) == null ? null : row.getDouble(3);
				return new ReplicaProbe(target, standby ? "standby" : "primary", row.getString(2), age, null);
			}
		}
		catch (SQLException ex) {
			return new ReplicaProbe(target, "unreachable", null, null, ex.getMessage());
		}
	}

	static Connection connect(ReplicaTargets.Target target) throws SQLException {
		Properties login = new Properties();
		login.setProperty("user", target.username());
		if (target.password() != null) {
			login.setProperty("password", target.password());
		}
		login.setProperty("connectTimeout", "5");
		login.setProperty("ApplicationName", "getaways-replica-command");
		return DriverManager.getConnection(target.url(), login);
	}

	boolean standby() {
		return "standby".equals(state);
	}

}
