package audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit triggers ({@code audit.capture}) on the tables a book-and-pay cycle writes, switched by the schema owner,
 * and what the log holds. Found in the catalogue rather than listed, so a table that gains an audit trigger is
 * switched too. Disabling is DDL on a live schema: point this only at a throwaway database.
 */
public final class AuditTriggers implements AutoCloseable {

	/** Every table the cycle's transactions and the outbox's marks write. */
	static final String[] WRITTEN_TABLES = { "app.trips", "app.bookings", "app.payments", "app.event_publication" };

	static final String FIND = """
			SELECT c.oid::regclass::text AS table_name, t.tgname
			FROM pg_catalog.pg_trigger t
			JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
			WHERE t.tgfoid = 'audit.capture'::regproc
			  AND NOT t.tgisinternal
			  AND c.oid = ANY (?::regclass[])
			ORDER BY 1, 2""";

	static final String DISABLED = """
			SELECT count(*)
			FROM pg_catalog.pg_trigger
			WHERE tgfoid = 'audit.capture'::regproc
			  AND tgenabled = 'D'
			  AND tgrelid = ANY (?::regclass[])""";

	/** The sealer chains entries up to a horizon it noted one run earlier, so a caught-up chain lags by that much. */
	static final String UNSEALED = """
			SELECT (SELECT coalesce(max(id), 0) FROM audit.log) - (SELECT coalesce(max(log_id), 0) FROM audit.chain)""";

	public record Trigger(String table, String name) {

		@Override
		public String toString() {
			return table + "." + name;
		}
	}

	private final Connection owner;

	private final List<Trigger> triggers;

	private AuditTriggers(Connection owner, List<Trigger> triggers) {
		this.owner = owner;
		this.triggers = triggers;
	}

	public static AuditTriggers connect(String url, String ownerUser, String ownerPassword) throws SQLException {
		Connection owner = DriverManager.getConnection(url, ownerUser, ownerPassword);
		try {
			List<Trigger> found = new ArrayList<>();
			try (PreparedStatement find = owner.prepareStatement(FIND)) {
				find.setArray(1, owner.createArrayOf("text", WRITTEN_TABLES));
				try (ResultSet rows = find.executeQuery()) {
					while (rows.next()) {
						found.add(new Trigger(rows.getString(1), rows.getString(2)));
					}
				}
			}
			if (found.isEmpty()) {
				throw new IllegalStateException("No audit.capture trigger on " + String.join(", ", WRITTEN_TABLES));
			}
			return new AuditTriggers(owner, List.copyOf(found));
		}
		catch (SQLException | RuntimeException ex) {
			owner.close();
			throw ex;
		}
	}

	public List<Trigger> triggers() {
		return triggers;
	}

	/** All of them in one transaction, so no cycle ever sees some on and some off. */
	public void set(boolean enabled) throws SQLException {
		owner.setAutoCommit(false);
		try (Statement sql = owner.createStatement()) {
			for (Trigger trigger : triggers) {
				sql.execute("ALTER TABLE " + trigger.table() + " " + (enabled ? "ENABLE" : "DISABLE") + " TRIGGER "
						+ trigger.name());
			}
			owner.commit();
		}
		catch (SQLException ex) {
			owner.rollback();
			throw ex;
		}
		finally {
			owner.setAutoCommit(true);
		}
	}

	public boolean allEnabled() throws SQLException {
		try (PreparedStatement sql = owner.prepareStatement(DISABLED)) {
			sql.setArray(1, owner.createArrayOf("text", WRITTEN_TABLES));
			try (ResultSet row = sql.executeQuery()) {
				row.next();
				return row.getLong(1) == 0;
			}
		}
	}

	public long entries() throws SQLException {
		try (Statement sql = owner.createStatement(); ResultSet row = sql.executeQuery("SELECT count(*) FROM audit.log")) {
			row.next();
			return row.getLong(1);
		}
	}

	/**
	 * Waits until the service's sealer has chained every entry, so that one phase's sealing does not run in the next;
	 * the seconds waited, or -1 when entries were still unsealed at the deadline.
	 */
	public double awaitSealed(double timeoutS) throws SQLException, InterruptedException {
		long start = System.nanoTime();
		long deadline = start + (long) (timeoutS * 1e9);
		while (true) {
			try (Statement sql = owner.createStatement(); ResultSet row = sql.executeQuery(UNSEALED)) {
				row.next();
				if (row.getLong(1) <= 0) {
					return (System.nanoTime() - start) / 1e9;
				}
			}
			if (System.nanoTime() > deadline) {
				return -1;
			}
			Thread.sleep(200);
		}
	}

	@Override
	public void close() throws SQLException {
		owner.close();
	}
}
