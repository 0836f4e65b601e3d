package io.getaways.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.getaways.analytics.ReportRefresh;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.Workload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The materialized report views: refreshed CONCURRENTLY, one per transaction, through the
 * owner's function, so readers keep reading the previous contents until each refresh
 * commits.
 */
class ReportViews {

	static final List<String> VIEWS = List.of("revenue_monthly", "trip_occupancy", "stay_occupancy_monthly",
			"booking_funnel_weekly", "search_terms_daily");

	private static final String REFRESH = """
			SELECT analytics.refresh_report(:view)""";

	private static final String REFRESHED = """
			SELECT view_name, refreshed_at
			FROM analytics.report_refreshes""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	ReportViews(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	List<ReportRefresh> refreshAll(Consumer<String> progress) {
		List<ReportRefresh> done = new ArrayList<>();
		for (String view : VIEWS) {
			long started = System.nanoTime();
			// a refresh is reporting work: it must not take the connections of jobs
			OffsetDateTime at = Workload.REPORTING
				.call(() -> ActorContext.callAs(Actor.job("analytics-refresh"), () -> transactions
					.execute(status -> jdbc.sql(REFRESH).param("view", view).query(OffsetDateTime.class).single())));
			ReportRefresh refresh = new ReportRefresh(view, at.toInstant(),
					Duration.ofNanos(System.nanoTime() - started));
			done.add(refresh);
			progress.accept("refreshed view " + view + " in " + refresh.took().toMillis() + " ms");
		}
		return List.copyOf(done);
	}

	/** When each view's data was taken; the caller's transaction decides the role. */
	Map<String, Instant> refreshedAt() {
		return jdbc.sql(REFRESHED)
			.query((row, n) -> Map.entry(row.getString("view_name"),
					row.getObject("refreshed_at", OffsetDateTime.class).toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
