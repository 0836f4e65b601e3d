package io.getaways.platform.db;

import javax.sql.DataSource;

import io.getaways.platform.StoreMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database part of the service for a command-line task's own context. Not a scanned
 * configuration: only task contexts start with it.
 */
@Import(DataSourceConfiguration.class)
@EnableConfigurationProperties(DataSourceProperties.class)
public class CliDatabaseTask {

	@Bean
	JdbcClient jdbcClient(DataSource dataSource) {
		return JdbcClient.create(dataSource);
	}

	@Bean
	TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
		return new TransactionTemplate(transactionManager);
	}

	/** A task's timings are not scraped, so they stay in memory. */
	@Bean
	StoreMetrics storeMetrics() {
		return new StoreMetrics(new SimpleMeterRegistry());
	}

}
