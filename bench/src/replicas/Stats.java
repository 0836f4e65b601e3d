package replicas;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Counters a PostgreSQL server keeps, read as the local superuser of the embedded servers. */
public final class Stats {

	private Stats() {
	}

	/** Transactions committed in the getaways database so far (pg_stat_database.xact_commit). */
	public static long commits(String url) throws Exception {
		if (url == null) {
			return 0;
		}
		try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
			// counters are flushed by each backend at most once a second; read the freshest snapshot
			statement.execute("SELECT pg_stat_clear_snapshot()");
			try (ResultSet row = statement
				.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = 'getaways'")) {
				row.next();
				return row.getLong(1);
			}
		}
	}
}
