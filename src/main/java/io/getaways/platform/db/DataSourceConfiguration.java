package io.getaways.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import io.getaways.platform.StoreCircuits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The application pool. Pending migrations run before it is built, so nothing can query a
 * schema that is not there yet, and the pool itself logs in as the unprivileged
 * application role.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class DataSourceConfiguration {

	@Bean
	DatabaseMigrator databaseMigrator(DataSourceProperties dataSource, DatabaseSettings settings) {
		return DatabaseMigrator.of(dataSource, settings);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DataSourceProperties properties, DatabaseSettings settings, DatabaseMigrator migrator) {
		if (settings.migrateOnStart()) {
			migrator.update();
		}
		return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
	}

	@Bean
	PlatformTransactionManager transactionManager(HikariDataSource dataSource, DatabaseSettings settings,
			ObjectProvider<StoreCircuits> circuits) {
		// command-line tasks build a small context without the service's circuits; they
		// get circuits of their own
		return circuits.getIfAvailable() == null ? new ActorTransactionManager(dataSource, settings.roles())
				: new ActorTransactionManager(dataSource, settings.roles(), circuits.getObject());
	}

}
