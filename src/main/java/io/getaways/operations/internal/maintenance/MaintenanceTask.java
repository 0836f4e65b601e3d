package io.getaways.operations.internal.maintenance;

import io.getaways.analytics.AnalyticsMaintenance;
import io.getaways.analytics.AnalyticsTask;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Not a scanned configuration: the maintenance command's own context uses it. */
@EnableConfigurationProperties(MaintenanceSettings.class)
@Import(AnalyticsTask.class)
class MaintenanceTask {

	@Bean
	MaintenanceReporter maintenanceReporter(JdbcClient jdbc, TransactionTemplate transactions,
			MaintenanceSettings settings, AnalyticsMaintenance analytics) {
		return new MaintenanceReporter(jdbc, transactions, settings, analytics);
	}

	@Bean
	MaintenanceRunner maintenanceRunner(AnalyticsMaintenance analytics, MaintenanceReporter reporter, JdbcClient jdbc,
			TransactionTemplate transactions) {
		return new MaintenanceRunner(analytics, reporter, jdbc, transactions,
				new MaintenanceMetrics(new SimpleMeterRegistry()));
	}

}
