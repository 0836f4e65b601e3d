package io.getaways.analytics.internal;

import java.util.List;

import io.getaways.analytics.ReportRefresh;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.TransactionException;

/**
 * The scheduled refresh of the report views, on one instance at a time (ShedLock). The
 * maintenance run refreshes them too; PostgreSQL runs one concurrent refresh of a view at
 * a time, so should both meet, the second waits for the first rather than failing.
 */
class ReportRefreshJob {

	private static final Logger log = LoggerFactory.getLogger(ReportRefreshJob.class);

	private final ReportViews views;

	ReportRefreshJob(ReportViews views) {
		this.views = views;
	}

	@Scheduled(cron = "${getaways.analytics.refresh-schedule:0 15 * * * *}")
	@SchedulerLock(name = "analytics-report-refresh", lockAtMostFor = "PT1H")
	void refresh() {
		try {
			List<ReportRefresh> done = views.refreshAll(line -> log.debug("Analytics: {}", line));
			log.info("Analytics: {} report views refreshed in {} ms", done.size(),
					done.stream().mapToLong(refresh -> refresh.took().toMillis()).sum());
		}
		catch (DataAccessException | TransactionException ex) {
			log.warn("Analytics: report refresh failed, the views keep their previous data: {}", ex.getMessage());
		}
	}

}
