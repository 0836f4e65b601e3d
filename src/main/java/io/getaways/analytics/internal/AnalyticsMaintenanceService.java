package io.getaways.analytics.internal;

import java.util.List;
import java.util.function.Consumer;

import io.getaways.analytics.AnalyticsMaintenance;
import io.getaways.analytics.DefaultPartitionRows;
import io.getaways.analytics.PartitionUpkeep;
import io.getaways.analytics.ReportRefresh;

class AnalyticsMaintenanceService implements AnalyticsMaintenance {

	private final PartitionUpkeeper upkeeper;

	private final ReportViews views;

	AnalyticsMaintenanceService(PartitionUpkeeper upkeeper, ReportViews views) {
		this.upkeeper = upkeeper;
		this.views = views;
	}

	@Override
	public PartitionUpkeep upkeepPartitions(Consumer<String> progress) {
		return upkeeper.run(progress);
	}

	@Override
	public List<ReportRefresh> refreshReports(Consumer<String> progress) {
		return views.refreshAll(progress);
	}

	@Override
	public List<DefaultPartitionRows> defaultPartitionRows() {
		return upkeeper.defaultRows();
	}

}
