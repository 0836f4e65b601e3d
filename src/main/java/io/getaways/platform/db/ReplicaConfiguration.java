package io.getaways.platform.db;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.getaways.platform.Workload;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Read replicas, when {@code getaways.replicas.urls} names any: a pool per replica
 * ({@code getaways-replica-<n>}, configured from {@code spring.datasource.hikari.*} and
 * {@code getaways.db.pools.replica.*}), the lag checker, read-your-writes tokens, and the
 * retry of reads whose replica went away. The service's DataSource picks them up.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReplicaConfiguration.ReplicasConfigured.class)
class ReplicaConfiguration {

	@Bean
	ReplicaSet replicaSet(DatabaseCore.MigratedSchema schema, ReplicaSettings settings, DataSourceProperties connection,
			Environment environment, ObjectProvider<MeterRegistry> meters) {
		MeterRegistry registry = meters.getIfUnique(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
		List<Replica> replicas = new ArrayList<>();
		List<String> names = settings.names();
		for (int i = 0; i < names.size(); i++) {
			HikariConfig config = WorkloadPools.config("replica", connection, Binder.get(environment), registry);
			config.setJdbcUrl(settings.urls().get(i));
			config.setPoolName("getaways-" + names.get(i));
			replicas.add(new Replica(names.get(i), new HikariDataSource(config)));
		}
		return new ReplicaSet(replicas, settings, registry);
	}

	@Bean
	ConsistencyTokens consistencyTokens(ReplicaSettings settings) {
		return new ConsistencyTokens(settings.maxLag());
	}

	@Bean
	ReplicaLagChecker replicaLagChecker(ReplicaSet replicas, WorkloadPools pools) {
		return new ReplicaLagChecker(replicas, pools.pool(Workload.JOBS));
	}

	@Bean("replicasHealthIndicator")
	ReplicaHealthIndicator replicasHealthIndicator(ReplicaSet replicas) {
		return new ReplicaHealthIndicator(replicas);
	}

	static final class ReplicasConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return Binder.get(context.getEnvironment())
				.bind("getaways.replicas.urls", Bindable.listOf(String.class))
				.map(urls -> urls.stream().anyMatch(url -> url != null && !url.isBlank()))
				.orElse(false);
		}

	}

}
