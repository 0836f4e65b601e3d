package io.getaways.platform.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import io.getaways.platform.Workload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Warns once, after start, when this instance's pools alone would take PostgreSQL's
 * connections down to less than the headroom that backups, replication, {@code doctor}
 * and an operator need. A warning, not a refusal: other instances' pools are unknown
 * here, and a pool rarely opens every connection it may.
 */
class PoolCapacityCheck {

	/** A base backup and its WAL switch (2), a replica, {@code doctor}, an operator. */
	static final int HEADROOM = 5;

	private static final Logger log = LoggerFactory.getLogger(PoolCapacityCheck.class);

	private static final String LIMITS = """
			SELECT current_setting('max_connections')::int,
			       current_setting('superuser_reserved_connections')::int""";

	private final WorkloadPools pools;

	PoolCapacityCheck(WorkloadPools pools) {
		this.pools = pools;
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		int total = pools.byWorkload()
			.values()
			.stream()
			.distinct()
			.mapToInt(HikariDataSource::getMaximumPoolSize)
			.sum();
		try (Connection connection = pools.pool(Workload.REQUESTS).getConnection();
				Statement statement = connection.createStatement();
				ResultSet limits = statement.executeQuery(LIMITS)) {
			limits.next();
			String warning = warning(total, limits.getInt(1), limits.getInt(2));
			if (warning != null) {
				log.warn(warning);
			}
		}
		catch (SQLException ex) {
			// PostgreSQL down at start: health says so; the check is only advice
			log.debug("Pools: could not read max_connections: {}", ex.getMessage());
		}
	}

	static String warning(int poolTotal, int maxConnections, int superuserReserved) {
		int available = maxConnections - superuserReserved;
		if (poolTotal + HEADROOM <= available) {
			return null;
		}
		return "Pools: this instance's pools may open " + poolTotal + " connections, PostgreSQL allows " + available
				+ " (max_connections " + maxConnections + " less " + superuserReserved
				+ " reserved), which leaves fewer than " + HEADROOM
				+ " for backups, replication and operators: lower getaways.db.pools.*.maximum-pool-size"
				+ " or raise max_connections";
	}

}
