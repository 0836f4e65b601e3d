package io.getaways.platform.db;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.getaways.platform.Workload;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/**
 * One HikariCP pool per {@link Workload}, all to the same database as the same login
 * role. Each pool starts from {@code spring.datasource.hikari.*} and takes
 * {@code getaways.db.pools.<workload>.*} over it, so a setting meant for every pool is
 * written once and a size or timeout per pool.
 */
public final class WorkloadPools implements AutoCloseable {

	static final String BASE = "spring.datasource.hikari";

	static final String PREFIX = "getaways.db.pools";

	private final Map<Workload, HikariDataSource> pools;

	private WorkloadPools(Map<Workload, HikariDataSource> pools) {
		this.pools = Collections.unmodifiableMap(pools);
	}

	/** Separate pools, named {@code getaways-<workload>}. */
	static WorkloadPools separate(Map<Workload, HikariDataSource> pools) {
		for (Workload workload : Workload.values()) {
			if (!pools.containsKey(workload)) {
				throw new IllegalArgumentException("no pool for workload " + workload);
			}
		}
		return new WorkloadPools(new EnumMap<>(pools));
	}

	/** One pool serving every workload, for a command-line task's small context. */
	static WorkloadPools shared(HikariDataSource pool) {
		Map<Workload, HikariDataSource> all = new EnumMap<>(Workload.class);
		for (Workload workload : Workload.values()) {
			all.put(workload, pool);
		}
		return new WorkloadPools(all);
	}

	/**
	 * A started pool (with the shipped {@code initialization-fail-timeout=-1} it starts
	 * even while PostgreSQL is down), configured from the base settings and then those of
	 * its own key. Started at once, so that its metrics and health show from the first
	 * scrape rather than from its first use.
	 */
	static HikariDataSource build(String key, DataSourceProperties connection, Binder binder, MeterRegistry meters) {
		return new HikariDataSource(config(key, connection, binder, meters));
	}

	static HikariConfig config(String key, DataSourceProperties connection, Binder binder, MeterRegistry meters) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(connection.determineUrl());
		config.setUsername(connection.determineUsername());
		config.setPassword(connection.determinePassword());
		config.setDriverClassName(connection.determineDriverClassName());
		binder.bind(BASE, Bindable.ofInstance(config));
		binder.bind(PREFIX + "." + key, Bindable.ofInstance(config));
		config.setPoolName("getaways-" + key);
		if (meters != null) {
			config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
		}
		return config;
	}

	public HikariDataSource pool(Workload workload) {
		return pools.get(workload);
	}

	/** Each workload's pool; several workloads share one in a command-line task. */
	public Map<Workload, HikariDataSource> byWorkload() {
		return pools;
	}

	@Override
	public void close() {
		pools.values().stream().distinct().forEach(HikariDataSource::close);
	}

}
