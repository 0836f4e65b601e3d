package io.getaways.platform.db;

import javax.sql.DataSource;

import io.getaways.platform.StoreCircuits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the service and the command-line tasks share over their {@link WorkloadPools}: the
 * migrator, the one DataSource that routes to the pools, and the one transaction manager.
 * Imported, never scanned.
 */
@EnableConfigurationProperties(DatabaseSettings.class)
class DatabaseCore {

	@Bean
	DatabaseMigrator databaseMigrator(DataSourceProperties dataSource, DatabaseSettings settings) {
		return DatabaseMigrator.of(dataSource, settings);
	}

	/**
	 * With read replicas, the pools sit behind a {@link LazyConnectionDataSourceProxy}
	 * that takes the physical connection at a transaction's first statement: by then a
	 * {@code readOnly} transaction has marked its connection read-only, and the proxy
	 * takes it from the read-only DataSource, which picks a replica.
	 */
	@Bean
	@Primary
	DataSource dataSource(WorkloadPools pools, ObjectProvider<ReplicaSet> replicas,
			ObjectProvider<ConsistencyTokens> tokens) {
		DataSource primary = new WorkloadRoutingDataSource(pools);
		ReplicaSet replicaSet = replicas.getIfAvailable();
		if (replicaSet == null) {
			return primary;
		}
		LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primary);
		proxy.setReadOnlyDataSource(new ReadOnlyRoutingDataSource(primary, replicaSet, tokens.getObject()));
		return proxy;
	}

	@Bean
	PlatformTransactionManager transactionManager(DataSource dataSource, DatabaseSettings settings,
			ObjectProvider<StoreCircuits> circuits, ObjectProvider<ConsistencyTokens> tokens,
			ObjectProvider<ReplicaSet> replicas) {
		// command-line tasks build a small context without the service's circuits; they
		// get circuits of their own
		StoreCircuits storeCircuits = circuits.getIfAvailable();
		ConsistencyTokens consistency = tokens.getIfAvailable();
		if (consistency != null) {
			return new ReplicaTransactionManager(dataSource, settings.roles(), storeCircuits, consistency,
					replicas.getObject());
		}
		return storeCircuits == null ? new ActorTransactionManager(dataSource, settings.roles())
				: new ActorTransactionManager(dataSource, settings.roles(), storeCircuits);
	}

	/**
	 * Pending migrations run before any pool is built (every pool depends on this), so
	 * nothing queries a schema that is not there yet.
	 */
	@Bean
	MigratedSchema migratedSchema(DatabaseSettings settings, DatabaseMigrator migrator) {
		if (settings.migrateOnStart()) {
			migrator.update();
		}
		return new MigratedSchema();
	}

	/** Stands for a schema at the changelog's head (or left to the operator). */
	static final class MigratedSchema {

	}

}
