package io.getaways.analytics;

import io.getaways.analytics.internal.AnalyticsMaintenanceConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Not a scanned configuration: a command-line task's context imports it to get
 * {@link AnalyticsMaintenance} over the task's {@code JdbcClient} and
 * {@code TransactionTemplate}.
 */
@Import(AnalyticsMaintenanceConfiguration.class)
public class AnalyticsTask {

}
