package io.getaways.platform.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.getaways.platform.Workload;
import io.getaways.platform.db.WorkloadPools;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL round trip through the request pool (what readiness is about: can requests
 * reach the database) and every workload pool's state. A saturated reporting or jobs pool
 * shows in its state, not in the status: requests still work. Readiness depends on this
 * indicator alone.
 */
@Component("postgresHealthIndicator")
class PostgresHealthIndicator extends AbstractHealthIndicator {

	private final WorkloadPools pools;

	PostgresHealthIndicator(WorkloadPools pools) {
		super("PostgreSQL health check failed");
		this.pools = pools;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		long started = System.nanoTime();
		String version;
		try (Connection connection = pools.pool(Workload.REQUESTS).getConnection();
				Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(2);
			try (ResultSet rows = statement.executeQuery("SELECT current_setting('server_version')")) {
				rows.next();
				version = rows.getString(1);
			}
		}
		builder.up().withDetail("responseTimeMs", ResponseTime.since(started)).withDetail("version", version);
		Map<String, PoolState> states = new LinkedHashMap<>();
		pools.byWorkload().forEach((workload, pool) -> {
			HikariPoolMXBean state = pool.getHikariPoolMXBean();
			if (state != null) {
				states.put(workload.key(), PoolState.of(pool.getPoolName(), state, pool));
			}
		});
		builder.withDetail("pools", states);
	}

	/** {@code saturated}: every connection in use and requests waiting for one. */
	record PoolState(String name, int active, int idle, int waiting, int total, int max, long connectionTimeoutMs,
			boolean saturated) {

		static PoolState of(String name, HikariPoolMXBean pool, HikariDataSource config) {
			int active = pool.getActiveConnections();
			int waiting = pool.getThreadsAwaitingConnection();
			int max = config.getMaximumPoolSize();
			return new PoolState(name, active, pool.getIdleConnections(), waiting, pool.getTotalConnections(), max,
					config.getConnectionTimeout(), active >= max && waiting > 0);
		}
	}

}
