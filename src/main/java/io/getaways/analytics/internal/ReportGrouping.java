package io.getaways.analytics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.getaways.analytics.internal.ReportSql.*;

/**
 * One way to group one report: the view it reads, its SQL, and how the view's coverage is
 * found. The first grouping of a report is its default.
 *
 * @param report revenue, occupancy, funnel or searches
 * @param name the {@code groupBy} value
 * @param view the materialized view read
 * @param sql the report
 * @param coverageSql the first day the view covers, and its end when the data says it
 * (else the day after the refresh)
 * @param limited whether {@code limit} applies
 */
record ReportGrouping(String report, String name, String view, String sql, String coverageSql, boolean limited) {

	private static final Map<String, List<ReportGrouping>> BY_REPORT = new LinkedHashMap<>();

	static {
		add("revenue", "month", "revenue_monthly", REVENUE_BY_MONTH, REVENUE_COVERAGE);
		add("revenue", "listing", "revenue_monthly", REVENUE_BY_LISTING, REVENUE_COVERAGE);
		add("revenue", "month-listing", "revenue_monthly", REVENUE_BY_MONTH_AND_LISTING, REVENUE_COVERAGE);
		add("occupancy", "departure", "trip_occupancy", TRIP_OCCUPANCY, TRIP_OCCUPANCY_COVERAGE);
		add("occupancy", "stay-month", "stay_occupancy_monthly", STAY_OCCUPANCY_BY_MONTH, STAY_OCCUPANCY_COVERAGE);
		add("occupancy", "stay", "stay_occupancy_monthly", STAY_OCCUPANCY, STAY_OCCUPANCY_COVERAGE);
		add("funnel", "week", "booking_funnel_weekly", FUNNEL_BY_WEEK, FUNNEL_COVERAGE);
		add("funnel", "week-kind", "booking_funnel_weekly", FUNNEL_BY_WEEK_AND_KIND, FUNNEL_COVERAGE);
		BY_REPORT.put("searches",
				List.of(new ReportGrouping("searches", "top", "search_terms_daily", TOP_SEARCHES, SEARCHES_COVERAGE,
						true),
						new ReportGrouping("searches", "no-result", "search_terms_daily", SEARCHES_WITHOUT_RESULT,
								SEARCHES_COVERAGE, true)));
	}

	private static void add(String report, String name, String view, String sql, String coverageSql) {
		BY_REPORT.computeIfAbsent(report, r -> new ArrayList<>())
			.add(new ReportGrouping(report, name, view, sql, coverageSql, false));
	}

	/**
	 * Empty when the report is unknown; the default grouping when {@code name} is null.
	 */
	static Optional<ReportGrouping> find(String report, String name) {
		List<ReportGrouping> groupings = BY_REPORT.getOrDefault(report, List.of());
		if (name == null) {
			return groupings.stream().findFirst();
		}
		return groupings.stream().filter(grouping -> grouping.name().equals(name)).findFirst();
	}

	static List<String> names(String report) {
		return BY_REPORT.getOrDefault(report, List.of()).stream().map(ReportGrouping::name).toList();
	}

}
