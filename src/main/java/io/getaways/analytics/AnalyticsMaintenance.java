package io.getaways.analytics;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the maintenance job does to analytics: keep the monthly partitions of the recorded
 * searches and views (create ahead, drop past retention), say which rows sit in a default
 * partition, and refresh the report views. Each call acts as a job, in its own
 * transactions, and reports progress lines to the given consumer.
 */
public interface AnalyticsMaintenance {

	PartitionUpkeep upkeepPartitions(Consumer<String> progress);

	List<ReportRefresh> refreshReports(Consumer<String> progress);

	List<DefaultPartitionRows> defaultPartitionRows();

}
