package io.getaways.operations.internal.maintenance;

import io.getaways.analytics.AnalyticsMaintenance;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's maintenance beans; the command line builds its own
 * ({@link MaintenanceTask}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaintenanceSettings.class)
class MaintenanceConfiguration {

	@Bean
	MaintenanceReporter maintenanceReporter(JdbcClient jdbc, TransactionTemplate transactions,
			MaintenanceSettings settings, AnalyticsMaintenance analytics) {
		return new MaintenanceReporter(jdbc, transactions, settings, analytics);
	}

	@Bean
	MaintenanceRunner maintenanceRunner(AnalyticsMaintenance analytics, MaintenanceReporter reporter, JdbcClient jdbc,
			TransactionTemplate transactions, MeterRegistry registry) {
		return new MaintenanceRunner(analytics, reporter, jdbc, transactions, new MaintenanceMetrics(registry));
	}

	@Bean
	MaintenanceScheduler maintenanceScheduler(MaintenanceRunner runner) {
		return new MaintenanceScheduler(runner);
	}

}
