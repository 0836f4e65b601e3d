package io.getaways.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.getaways.platform.Workload;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The application's one DataSource: each connection comes from the pool of the current
 * thread's {@link Workload}. One transaction manager over it keeps every
 * {@code @Transactional} method and every JdbcTemplate unchanged; a transaction binds the
 * connection it took, so what it calls (the outbox's publication rows included) runs on
 * that connection.
 */
final class WorkloadRoutingDataSource extends AbstractRoutingDataSource {

	WorkloadRoutingDataSource(WorkloadPools pools) {
		Map<Object, Object> targets = new HashMap<>();
		pools.byWorkload().forEach(targets::put);
		setTargetDataSources(targets);
		setDefaultTargetDataSource(pools.pool(Workload.REQUESTS));
		setLenientFallback(false);
		afterPropertiesSet();
	}

	@Override
	protected Object determineCurrentLookupKey() {
		return Workload.current();
	}

	@Override
	public Connection getConnection() throws SQLException {
		DataSource pool = determineTargetDataSource();
		try {
			return pool.getConnection();
		}
		catch (SQLTransientConnectionException ex) {
			throw busyOrOutage(pool, ex);
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		DataSource pool = determineTargetDataSource();
		try {
			return pool.getConnection(username, password);
		}
		catch (SQLTransientConnectionException ex) {
			throw busyOrOutage(pool, ex);
		}
	}

	/**
	 * Hikari times out the same way whether every connection is in use or none can be
	 * opened; only the latter carries the connection failure as its cause. A busy pool is
	 * not an outage of PostgreSQL, and must not open its circuit for every workload.
	 */
	private static SQLException busyOrOutage(DataSource pool, SQLTransientConnectionException ex) {
		if (ex.getCause() != null || !(pool instanceof HikariDataSource hikari)) {
			return ex;
		}
		HikariPoolMXBean state = hikari.getHikariPoolMXBean();
		if (state == null) {
			return ex;
		}
		return new PoolBusyException(hikari.getPoolName(), state.getActiveConnections(), hikari.getMaximumPoolSize(),
				state.getThreadsAwaitingConnection(), hikari.getConnectionTimeout(), ex);
	}

}
