package audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The scenario's earlier workload, kept as a secondary figure: one transaction that updates one trip's price and
 * content version, as the jobs role, one trip per connection so that row locks never make them wait for each other.
 * The worst case for a per-row trigger, since the audit entry doubles the rows written.
 */
public record OneRowUpdate(String url, String appUser, String password, String jobsRole, List<String> codes) {

	static final String CONTEXT = """
			SELECT set_config('role', ?, true), set_config('app.user_id', '', true),
			       set_config('app.actor', 'job:bench-audit-overhead', true), set_config('app.client_ip', '', true),
			       set_config('app.user_agent', '', true), set_config('app.request_id', ?, true)""";

	static final String WRITE = """
			UPDATE app.trips
			SET price_per_person = CASE WHEN price_per_person > 90000 THEN 100 ELSE price_per_person + 1 END,
			    content_version = content_version + 1, updated_at = now()
			WHERE code = ?""";

	/** Committed transactions per second over all connections. */
	public double run(int seconds) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(codes.size());
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
		try (Connection connection = DriverManager.getConnection(url, appUser, password);
				PreparedStatement context = connection.prepareStatement(CONTEXT);
				PreparedStatement write = connection.prepareStatement(WRITE)) {
			connection.setAutoCommit(false);
			long committed = 0;
			while (System.nanoTime() < deadline) {
				context.setString(1, jobsRole);
				context.setString(2, UUID.randomUUID().toString());
				context.execute();
				write.setString(1, code);
				write.executeUpdate();
				connection.commit();
				committed++;
			}
			return committed;
		}
	}
}
