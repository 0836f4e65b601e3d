package io.getaways.platform.db;

import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.getaways.platform.Workload;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The service's pools, one per {@link Workload}, each logging in as the unprivileged
 * application role and publishing its HikariCP metrics
 * ({@code hikaricp_connections_*{pool="getaways-<workload>"}}). They are beans, so the
 * context closes them, but not candidates for injection: code asks for the DataSource,
 * which routes.
 */
@Configuration(proxyBeanMethods = false)
@Import(DatabaseCore.class)
// validated on every start, whether or not replicas are configured
@EnableConfigurationProperties(ReplicaSettings.class)
class DataSourceConfiguration {

	@Bean(defaultCandidate = false)
	HikariDataSource requestsPool(DatabaseCore.MigratedSchema schema, DataSourceProperties connection,
			Environment environment, ObjectProvider<MeterRegistry> meters) {
		return pool(Workload.REQUESTS, connection, environment, meters);
	}

	@Bean(defaultCandidate = false)
	HikariDataSource jobsPool(DatabaseCore.MigratedSchema schema, DataSourceProperties connection,
			Environment environment, ObjectProvider<MeterRegistry> meters) {
		return pool(Workload.JOBS, connection, environment, meters);
	}

	@Bean(defaultCandidate = false)
	HikariDataSource reportingPool(DatabaseCore.MigratedSchema schema, DataSourceProperties connection,
			Environment environment, ObjectProvider<MeterRegistry> meters) {
		return pool(Workload.REPORTING, connection, environment, meters);
	}

	@Bean
	WorkloadPools workloadPools(@Qualifier("requestsPool") HikariDataSource requests,
			@Qualifier("jobsPool") HikariDataSource jobs, @Qualifier("reportingPool") HikariDataSource reporting) {
		return WorkloadPools
			.separate(Map.of(Workload.REQUESTS, requests, Workload.JOBS, jobs, Workload.REPORTING, reporting));
	}

	@Bean
	PoolCapacityCheck poolCapacityCheck(WorkloadPools pools) {
		return new PoolCapacityCheck(pools);
	}

	private static HikariDataSource pool(Workload workload, DataSourceProperties connection, Environment environment,
			ObjectProvider<MeterRegistry> meters) {
		return WorkloadPools.build(workload.key(), connection, Binder.get(environment), meters.getIfUnique());
	}

}
