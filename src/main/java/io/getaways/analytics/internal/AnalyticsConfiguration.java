package io.getaways.analytics.internal;

import java.time.Clock;

import io.getaways.platform.StoreMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalyticsSettings.class)
class AnalyticsConfiguration {

	@Bean
	ActivityRecorder activityRecorder(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions,
			StoreMetrics metrics, AnalyticsSettings settings, MeterRegistry registry) {
		return new ActivityRecorder(new ActivityRepository(jdbc, transactions, metrics), settings, registry);
	}

	@Bean
	ReportViews reportViews(JdbcClient jdbc, TransactionTemplate transactions) {
		return new ReportViews(jdbc, transactions);
	}

	@Bean
	AnalyticsMaintenanceService analyticsMaintenance(JdbcClient jdbc, TransactionTemplate transactions,
			AnalyticsSettings settings, ReportViews views, ObjectProvider<Clock> clock) {
		return new AnalyticsMaintenanceService(new PartitionUpkeeper(new PartitionRepository(jdbc), transactions,
				settings, clock.getIfAvailable(Clock::systemUTC)), views);
	}

	@Bean
	ReportRefreshJob reportRefreshJob(ReportViews views) {
		return new ReportRefreshJob(views);
	}

	@Bean
	ReportQueries reportQueries(JdbcClient jdbc, PlatformTransactionManager transactionManager, ReportViews views) {
		return new ReportQueries(jdbc, transactionManager, views);
	}

}
