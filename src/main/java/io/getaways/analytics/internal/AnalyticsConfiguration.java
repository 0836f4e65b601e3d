package io.getaways.analytics.internal;

import io.getaways.platform.StoreMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The service's analytics beans beyond maintenance: recording, reports, the schedule. */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

	@Bean
	ActivityRecorder activityRecorder(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions,
			StoreMetrics metrics, AnalyticsSettings settings, MeterRegistry registry) {
		return new ActivityRecorder(new ActivityRepository(jdbc, transactions, metrics), settings, registry);
	}

	@Bean
	PartitionsOnStartup partitionsOnStartup(PartitionUpkeeper upkeeper) {
		return new PartitionsOnStartup(upkeeper);
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
