import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import support.Options;

/**
 * Throughput of one audited write transaction with the audit trigger on app.trips enabled and disabled.
 *
 * <pre>
 * GETAWAYS_DB_OWNER_PASSWORD=... java -cp bench/work/classes:postgresql.jar AuditOverhead \
 *     jdbc:postgresql://localhost:PORT/getaways getaways_app APP_PASSWORD
 * </pre>
 *
 * The workload logs in as the application role and, like the service, switches each transaction to the jobs role and
 * sets the request context before it updates a trip's price and content version. The trigger is switched by the
 * schema owner ({@code <prefix>_owner} unless GETAWAYS_DB_OWNER_USERNAME says otherwise; password in
 * GETAWAYS_DB_OWNER_PASSWORD), so point it only at a throwaway database; the trigger is enabled again at the end
 * whatever happens. Prints one JSON line.
 */
public class AuditOverhead {

	static final int CONNECTIONS = 8;
	static final int PHASE_SECONDS = 15;
	static final int WARM_UP_SECONDS = 3;
	static final double TARGET = 0.85;

	static final String CONTEXT = """
			SELECT set_config('role', ?, true), set_config('app.user_id', '', true),
			       set_config('app.actor', 'job:bench-audit-overhead', true), set_config('app.client_ip', '', true),
			       set_config('app.user_agent', '', true), set_config('app.request_id', ?, true)""";

	static final String WRITE = """
			UPDATE app.trips
			SET price_per_person = CASE WHEN price_per_person > 90000 THEN 100 ELSE price_per_person + 1 END,
			    content_version = content_version + 1, updated_at = now()
			WHERE code = ?""";

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: AuditOverhead <jdbcUrl> <appUser> <appPassword>");
			System.exit(2);
		}
		String url = args[0];
		String appUser = args[1];
		String password = args[2];
		if (!appUser.endsWith("_app")) {
			throw new IllegalArgumentException("Expected the application role <prefix>_app but was " + appUser);
		}
		String prefix = appUser.substring(0, appUser.length() - "_app".length());
		String owner = Options.env("GETAWAYS_DB_OWNER_USERNAME", prefix + "_owner");
		String ownerPassword = Options.env("GETAWAYS_DB_OWNER_PASSWORD", "");
		List<String> codes = tripCodes(url, appUser, password, prefix + "_jobs");
		Workload workload = new Workload(url, appUser, password, prefix + "_jobs", codes);
		try (Connection ownerConnection = DriverManager.getConnection(url, owner, ownerPassword)) {
			workload.run(WARM_UP_SECONDS);
			double withAudit = workload.run(PHASE_SECONDS);
			double withoutAudit;
			setTrigger(ownerConnection, false);
			try {
				withoutAudit = workload.run(PHASE_SECONDS);
			}
			finally {
				setTrigger(ownerConnection, true);
			}
			System.out.printf(java.util.Locale.ROOT,
					"{\"benchmark\":\"audit-overhead\",\"timestamp\":\"%s\",\"connections\":%d,\"seconds_per_phase\":%d,"
							+ "\"with_audit_tps\":%.1f,\"without_audit_tps\":%.1f,\"ratio\":%.3f,\"target\":%.2f}%n",
					Instant.now(), CONNECTIONS, PHASE_SECONDS, withAudit, withoutAudit, withAudit / withoutAudit, TARGET);
		}
	}

	static void setTrigger(Connection owner, boolean enabled) throws SQLException {
		try (Statement sql = owner.createStatement()) {
			sql.execute("ALTER TABLE app.trips " + (enabled ? "ENABLE" : "DISABLE") + " TRIGGER trips_audit");
		}
	}

	/** One trip per connection, so that row locks never make the connections wait for each other. */
	static List<String> tripCodes(String url, String user, String password, String jobsRole) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			connection.setAutoCommit(false);
			begin(connection, jobsRole);
			List<String> codes = new ArrayList<>();
			try (Statement sql = connection.createStatement();
					ResultSet rows = sql.executeQuery("SELECT code FROM app.trips ORDER BY code LIMIT " + CONNECTIONS)) {
				while (rows.next()) {
					codes.add(rows.getString(1));
				}
			}
			connection.commit();
			if (codes.size() < CONNECTIONS) {
				throw new IllegalStateException("Need " + CONNECTIONS + " trips but found " + codes.size());
			}
			return codes;
		}
	}

	static void begin(Connection connection, String role) throws SQLException {
		try (PreparedStatement context = connection.prepareStatement(CONTEXT)) {
			context.setString(1, role);
			context.setString(2, java.util.UUID.randomUUID().toString());
			context.execute();
		}
	}

	record Workload(String url, String user, String password, String role, List<String> codes) {

		/** Committed transactions per second over all connections. */
		double run(int seconds) throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
			try {
				long deadline = System.nanoTime() + seconds * 1_000_000_000L;
				List<Future<Long>> counts = new ArrayList<>();
				for (String code : codes) {
					counts.add(pool.submit(() -> writeUntil(code, deadline)));
				}
				long total = 0;
				for (Future<Long> count : counts) {
					total += count.get();
				}
				return (double) total / seconds;
			}
			finally {
				pool.shutdown();
			}
		}

		private long writeUntil(String code, long deadline) throws SQLException {
			try (Connection connection = DriverManager.getConnection(url, user, password);
					PreparedStatement write = connection.prepareStatement(WRITE)) {
				connection.setAutoCommit(false);
				long committed = 0;
				while (System.nanoTime() < deadline) {
					begin(connection, role);
					write.setString(1, code);
					write.executeUpdate();
					connection.commit();
					committed++;
				}
				return committed;
			}
		}
	}
}
