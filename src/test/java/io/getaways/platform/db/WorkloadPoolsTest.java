package io.getaways.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.Workload;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each pool's settings: the base {@code spring.datasource.hikari.*} first, its own
 * {@code getaways.db.pools.<workload>.*} over it; and the routing by workload.
 */
class WorkloadPoolsTest {

	@Test
	void aPoolTakesTheBaseSettingsAndItsOwnOverThem() {
		Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
				"spring.datasource.hikari.validation-timeout", "1500", "spring.datasource.hikari.maximum-pool-size",
				"16", "spring.datasource.hikari.data-source-properties.ApplicationName", "getaways",
				"getaways.db.pools.reporting.maximum-pool-size", "2", "getaways.db.pools.reporting.connection-timeout",
				"2500")));

		HikariConfig reporting = WorkloadPools.config("reporting", connection(), binder, null);
		HikariConfig jobs = WorkloadPools.config("jobs", connection(), binder, null);

		assertThat(reporting.getPoolName()).isEqualTo("getaways-reporting");
		assertThat(reporting.getMaximumPoolSize()).isEqualTo(2);
		assertThat(reporting.getConnectionTimeout()).isEqualTo(2500);
		assertThat(reporting.getValidationTimeout()).isEqualTo(1500);
		assertThat(reporting.getDataSourceProperties()).containsEntry("ApplicationName", "getaways");
		assertThat(reporting.getJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/getaways");
		assertThat(reporting.getUsername()).isEqualTo("getaways_app");
		assertThat(jobs.getPoolName()).isEqualTo("getaways-jobs");
		assertThat(jobs.getMaximumPoolSize()).isEqualTo(16);
	}

	@Test
	void connectionsComeFromThePoolOfTheCurrentWorkload() throws Exception {
		List<String> asked = new ArrayList<>();
		Map<Workload, HikariDataSource> pools = new EnumMap<>(Workload.class);
		for (Workload workload : Workload.values()) {
			pools.put(workload, new HikariDataSource() {
				@Override
				public Connection getConnection() {
					asked.add(workload.key());
					return null;
				}
			});
		}
		WorkloadRoutingDataSource routing = new WorkloadRoutingDataSource(WorkloadPools.separate(pools));

		routing.getConnection();
		ActorContext.callAs(Actor.job("workload-pools-test"), () -> connect(routing));
		ActorContext.callAs(Actor.anonymous().as(Actor.Role.READONLY), () -> connect(routing));
		Workload.REPORTING.call(() -> ActorContext.callAs(Actor.job("analytics-refresh"), () -> connect(routing)));

		assertThat(asked).containsExactly("requests", "jobs", "reporting", "reporting");
	}

	@Test
	void aBusyPoolIsToldApartFromAnUnreachableDatabase() {
		HikariDataSource busy = new HikariDataSource() {
			@Override
			public Connection getConnection() throws SQLException {
				throw new SQLTransientConnectionException("getaways-reporting - Connection is not available");
			}

			@Override
			public HikariPoolMXBean getHikariPoolMXBean() {
				return new AllInUse(3, 2);
			}
		};
		busy.setPoolName("getaways-reporting");
		busy.setMaximumPoolSize(3);
		busy.setConnectionTimeout(2000);
		HikariDataSource down = new HikariDataSource() {
			@Override
			public Connection getConnection() throws SQLException {
				throw new SQLTransientConnectionException("getaways-requests - Connection is not available", "08001",
						new SQLException("Connection refused", "08001"));
			}
		};
		WorkloadRoutingDataSource routing = new WorkloadRoutingDataSource(
				WorkloadPools.separate(Map.of(Workload.REQUESTS, down, Workload.JOBS, down, Workload.REPORTING, busy)));

		assertThatThrownBy(() -> Workload.REPORTING.call(() -> connect(routing))).cause()
			.isInstanceOfSatisfying(PoolBusyException.class,
					ex -> assertThat(ex.pool()).isEqualTo("getaways-reporting"))
			.hasMessage("getaways-reporting - all 3 connections busy for 2000 ms (active 3, waiting 2)");
		assertThatThrownBy(routing::getConnection).isExactlyInstanceOf(SQLTransientConnectionException.class)
			.hasCauseInstanceOf(SQLException.class);
	}

	@Test
	void poolsThatLeaveTooLittleHeadroomAreWarnedAbout() {
		assertThat(PoolCapacityCheck.warning(17, 200, 3)).isNull();
		assertThat(PoolCapacityCheck.warning(92, 100, 3)).as("exactly the headroom left").isNull();
		assertThat(PoolCapacityCheck.warning(93, 100, 3)).startsWith(
				"Pools: this instance's pools may open 93 connections, PostgreSQL allows 97 (max_connections 100 less 3"
						+ " reserved)");
	}

	private static Connection connect(WorkloadRoutingDataSource routing) {
		try {
			return routing.getConnection();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static DataSourceProperties connection() {
		DataSourceProperties properties = new DataSourceProperties();
		properties.setUrl("jdbc:postgresql://localhost:5432/getaways");
		properties.setUsername("getaways_app");
		properties.setPassword("secret");
		return properties;
	}

	private record AllInUse(int active, int waiting) implements HikariPoolMXBean {

		@Override
		public int getIdleConnections() {
			return 0;
		}

		@Override
		public int getActiveConnections() {
			return active;
		}

		@Override
		public int getTotalConnections() {
			return active;
		}

		@Override
		public int getThreadsAwaitingConnection() {
			return waiting;
		}

		@Override
		public void softEvictConnections() {
		}

		@Override
		public void suspendPool() {
		}

		@Override
		public void resumePool() {
		}

	}

}
