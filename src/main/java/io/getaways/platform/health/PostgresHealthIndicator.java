package io.getaways.platform.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL round trip and the application pool's state. Readiness depends on this
 * indicator alone.
 */
@Component("postgresHealthIndicator")
class PostgresHealthIndicator extends AbstractHealthIndicator {

	private final HikariDataSource dataSource;

	PostgresHealthIndicator(HikariDataSource dataSource) {
		super("PostgreSQL health check failed");
		this.dataSource = dataSource;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		long started = System.nanoTime();
		String version;
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(2);
			try (ResultSet rows = statement.executeQuery("SELECT current_setting('server_version')")) {
				rows.next();
				version = rows.getString(1);
			}
		}
		builder.up().withDetail("responseTimeMs", ResponseTime.since(started)).withDetail("version", version);
		HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
		if (pool != null) {
			builder.withDetail("pool", PoolState.of(dataSource.getPoolName(), pool, dataSource.getMaximumPoolSize()));
		}
	}

	record PoolState(String name, int active, int idle, int waiting, int total, int max) {

		static PoolState of(String name, HikariPoolMXBean pool, int max) {
			return new PoolState(name, pool.getActiveConnections(), pool.getIdleConnections(),
					pool.getThreadsAwaitingConnection(), pool.getTotalConnections(), max);
		}
	}

}
