package io.getaways.analytics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.getaways.analytics.internal.Report.Coverage;
import io.getaways.platform.JsonRows;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import io.getaways.platform.InvalidParameterException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a report as the reporting role, in one repeatable-read snapshot, so the refresh
 * time, the coverage and the rows all describe the same contents of the view.
 */
class ReportQueries {

	static final int MAX_LIMIT = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ReportViews views;

	ReportQueries(JdbcClient jdbc, PlatformTransactionManager transactionManager, ReportViews views) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.transactions.setReadOnly(true);
		this.views = views;
	}

	Report run(String report, String groupBy, LocalDate from, LocalDate to, Integer limit) {
		ReportGrouping grouping = ReportGrouping.find(report, groupBy)
			.orElseThrow(() -> new InvalidParameterException("groupBy",
					"must be one of " + String.join(", ", ReportGrouping.names(report))));
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			throw new InvalidParameterException("limit", "must be between 1 and " + MAX_LIMIT);
		}
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidParameterException("from", "must be before to");
		}
		Actor reader = ActorContext.current().as(Actor.Role.READONLY);
		return ActorContext.callAs(reader, () -> transactions.execute(status -> read(grouping, from, to, limit)));
	}

	private Report read(ReportGrouping grouping, LocalDate from, LocalDate to, Integer limit) {
		Instant refreshedAt = views.refreshedAt().get(grouping.view());
		Coverage covers = jdbc.sql(grouping.coverageSql()).query((row, n) -> coverage(row, refreshedAt)).single();
		if (from != null && (covers.empty() || from.isBefore(covers.from()))) {
			throw new ReportWindowNotCovered("from", grouping.view(), covers, refreshedAt);
		}
		if (to != null && (covers.empty() || to.isAfter(covers.to()))) {
			throw new ReportWindowNotCovered("to", grouping.view(), covers, refreshedAt);
		}
		LocalDate windowFrom = from != null ? from : covers.from();
		LocalDate windowTo = to != null ? to : covers.to();
		List<String> columns = new ArrayList<>();
		List<Map<String, Object>> rows = covers.empty() ? List.of()
				: jdbc.sql(grouping.sql())
					.param("from", windowFrom)
					.param("to", windowTo)
					.param("limit", limit == null ? 20 : limit)
					.query((row, n) -> row(row, columns))
					.list();
		if (columns.isEmpty()) {
			columns.addAll(columnsOf(grouping));
		}
		return new Report(grouping.report(), grouping.name(), windowFrom, windowTo, refreshedAt, covers,
				List.copyOf(columns), rows);
	}

	private static Coverage coverage(ResultSet row, Instant refreshedAt) throws SQLException {
		LocalDate first = row.getObject("first_day", LocalDate.class);
		if (first == null) {
			return new Coverage(null, null);
		}
		LocalDate end = row.getObject("end_day", LocalDate.class);
		return new Coverage(first, end != null ? end : refreshedAt.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1));
	}

	private static Map<String, Object> row(ResultSet row, List<String> columns) throws SQLException {
		Map<String, Object> values = JsonRows.of(row);
		if (columns.isEmpty()) {
			columns.addAll(values.keySet());
		}
		return values;
	}

	/** The columns of an empty answer, so its CSV still has a header. */
	private List<String> columnsOf(ReportGrouping grouping) {
		return jdbc.sql("SELECT * FROM (" + grouping.sql().replace("LIMIT :limit", "") + ") AS report WHERE false")
			.param("from", LocalDate.EPOCH)
			.param("to", LocalDate.EPOCH)
			.query((ResultSet result) -> {
				List<String> names = new ArrayList<>();
				for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
					names.add(JsonRows.camel(result.getMetaData().getColumnLabel(i)));
				}
				return names;
			});
	}

}
