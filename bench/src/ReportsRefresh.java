import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import support.Options;

/**
 * Refresh time of every report view over a generated history of bookings.
 *
 * <pre>
 * GETAWAYS_DB_OWNER_PASSWORD=... java -cp bench/work/classes:postgresql.jar ReportsRefresh \
 *     jdbc:postgresql://localhost:PORT/getaways getaways_app APP_PASSWORD BOOKINGS
 * </pre>
 *
 * Loads set-based (INSERT ... SELECT generate_series) into the real tables as the admin role, through every
 * constraint and guard trigger: a booking is inserted PENDING and moved on by UPDATEs, as the state machine allows.
 * The audit triggers of bookings, payments and refunds are disabled by the schema owner for the load only (and enabled
 * again whatever happens), so point it only at a throwaway database; the output says so. Then ANALYZE, and each view
 * refreshed CONCURRENTLY through the same function as the service, twice (the second is the steady-state figure).
 * Prints progress on stderr and one JSON line on stdout.
 */
public class ReportsRefresh {

	static final List<String> VIEWS = List.of("revenue_monthly", "trip_occupancy", "stay_occupancy_monthly",
			"booking_funnel_weekly", "search_terms_daily");

	static final List<String> AUDITED = List.of("app.bookings:bookings_audit", "app.payments:payments_audit",
			"app.refunds:refunds_audit");

	public static void main(String[] args) throws Exception {
		if (args.length != 4) {
			System.err.println("usage: ReportsRefresh <jdbcUrl> <appUser> <appPassword> <bookings>");
			System.exit(2);
		}
		String url = args[0];
		String appUser = args[1];
		String password = args[2];
		long bookings = Long.parseLong(args[3]);
		if (!appUser.endsWith("_app") || bookings < 100) {
			throw new IllegalArgumentException("Expected <prefix>_app and at least 100 bookings");
		}
		String prefix = appUser.substring(0, appUser.length() - "_app".length());
		String owner = Options.env("GETAWAYS_DB_OWNER_USERNAME", prefix + "_owner");
		String ownerPassword = Options.env("GETAWAYS_DB_OWNER_PASSWORD", "");
		long loadStarted = System.nanoTime();
		try (Connection ownerConnection = DriverManager.getConnection(url, owner, ownerPassword);
				Connection app = DriverManager.getConnection(url, appUser, password)) {
			app.setAutoCommit(false);
			setAuditTriggers(ownerConnection, false);
			try {
				ReportsLoad.load(app, prefix, bookings);
			}
			finally {
				setAuditTriggers(ownerConnection, true);
			}
			double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
			asRole(app, prefix + "_jobs");
			for (String table : List.of("app.bookings", "app.payments", "app.refunds", "app.trips", "app.stays")) {
				execute(app, "SELECT analytics.analyze_table('" + table + "'::regclass)");
			}
			app.commit();
			Map<String, Long> first = refreshAll(app, prefix);
			Map<String, Long> second = refreshAll(app, prefix);
			long total = second.values().stream().mapToLong(Long::longValue).sum();
			StringBuilder views = new StringBuilder();
			second.forEach((view, ms) -> views.append(views.isEmpty() ? "" : ",")
				.append(String.format(Locale.ROOT, "\"%s\":{\"first_ms\":%d,\"ms\":%d}", view, first.get(view), ms)));
			System.out.printf(Locale.ROOT,
					"{\"benchmark\":\"reports\",\"timestamp\":\"%s\",\"bookings\":%d,\"load_seconds\":%.1f,"
							+ "\"audit_triggers_during_load\":\"disabled\",\"refresh_concurrently\":true,"
							+ "\"total_refresh_ms\":%d,\"views\":{%s}}%n",
					Instant.now(), count(app, prefix), loadSeconds, total, views);
		}
	}

	static Map<String, Long> refreshAll(Connection app, String prefix) throws SQLException {
		Map<String, Long> took = new LinkedHashMap<>();
		for (String view : VIEWS) {
			asRole(app, prefix + "_jobs");
			long started = System.nanoTime();
			execute(app, "SELECT analytics.refresh_report('" + view + "')");
			app.commit();
			took.put(view, (System.nanoTime() - started) / 1_000_000);
			System.err.printf("refreshed %s in %d ms%n", view, took.get(view));
		}
		return took;
	}

	static long count(Connection app, String prefix) throws SQLException {
		asRole(app, prefix + "_jobs");
		try (Statement sql = app.createStatement(); ResultSet rows = sql.executeQuery("SELECT count(*) FROM app.bookings")) {
			rows.next();
			long count = rows.getLong(1);
			app.commit();
			return count;
		}
	}

	static void setAuditTriggers(Connection owner, boolean enabled) throws SQLException {
		for (String spec : AUDITED) {
			String[] parts = spec.split(":");
			execute(owner, "ALTER TABLE " + parts[0] + (enabled ? " ENABLE" : " DISABLE") + " TRIGGER " + parts[1]);
		}
	}

	/** Starts a transaction as the role, with the context the audit triggers read. */
	static void asRole(Connection connection, String role) throws SQLException {
		try (PreparedStatement context = connection.prepareStatement("""
				SELECT set_config('role', ?, true), set_config('app.user_id', '', true),
				       set_config('app.actor', 'job:bench-reports', true), set_config('app.client_ip', '', true),
				       set_config('app.user_agent', '', true), set_config('app.request_id', ?, true)""")) {
			context.setString(1, role);
			context.setString(2, UUID.randomUUID().toString());
			context.execute();
		}
	}

	static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
