package io.getaways.platform.db;

import javax.sql.DataSource;

import io.getaways.platform.StoreMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database part of the service for a command-line task's own context. Not a scanned
 * configuration: only task contexts start with it.
 */
@Import(DatabaseCore.class)
@EnableConfigurationProperties(DataSourceProperties.class)
public class CliDatabaseTask {

	/**
	 * A task is one short piece of work: one small pool serves every workload
	 * ({@code getaways.db.pools.cli.*} over {@code spring.datasource.hikari.*}).
	 */
	@Bean
	WorkloadPools workloadPools(DatabaseCore.MigratedSchema schema, DataSourceProperties connection,
			Environment environment) {
		return WorkloadPools.shared(WorkloadPools.build("cli", connection, Binder.get(environment), null));
	}

	@Bean
	JdbcClient jdbcClient(DataSource dataSource) {
		return JdbcClient.create(dataSource);
	}

	@Bean
	TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
		return new TransactionTemplate(transactionManager);
	}

	/**
	 * Where migrations are left to the operator, a task never runs on a schema behind the
	 * changelog: it stops and says what to run first.
	 */
	@Bean
	Object schemaIsCurrent(DatabaseSettings settings, DatabaseMigrator migrator) {
		if (!settings.migrateOnStart()) {
			int pending = migrator.status().pending().size();
			if (pending > 0) {
				throw new MigrationFailedException(pending + " migration(s) pending and getaways.db.migrate-on-start"
						+ " is false: run `java -jar getaways.jar migrate up` first", null);
			}
		}
		return Boolean.TRUE;
	}

	/** A task's timings are not scraped, so they stay in memory. */
	@Bean
	StoreMetrics storeMetrics() {
		return new StoreMetrics(new SimpleMeterRegistry());
	}

}
