package io.getaways.analytics.internal;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partition upkeep and report refresh: in the service, and in the maintenance command's
 * own context through {@link io.getaways.analytics.AnalyticsTask}. Public only for that
 * import.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalyticsSettings.class)
public class AnalyticsMaintenanceConfiguration {

	@Bean
	ReportViews reportViews(JdbcClient jdbc, TransactionTemplate transactions) {
		return new ReportViews(jdbc, transactions);
	}

	@Bean
	PartitionUpkeeper partitionUpkeeper(JdbcClient jdbc, TransactionTemplate transactions, AnalyticsSettings settings,
			ObjectProvider<Clock> clock) {
		return new PartitionUpkeeper(new PartitionRepository(jdbc), transactions, settings,
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	AnalyticsMaintenanceService analyticsMaintenance(PartitionUpkeeper upkeeper, ReportViews views) {
		return new AnalyticsMaintenanceService(upkeeper, views);
	}

}
