package io.getaways.operations.internal.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.getaways.analytics.AnalyticsMaintenance;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One maintenance run: partition upkeep, report view refresh, ANALYZE of every table,
 * then the report. A failed task is recorded and the next one still runs.
 */
class MaintenanceRunner {

	static final List<String> TASKS = List.of("partitions", "refresh", "analyze");

	private static final String TABLES = """
			SELECT c.oid::regclass::text AS table_name
			FROM pg_catalog.pg_class c
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname IN ('app', 'analytics', 'audit', 'system')
			  AND c.relkind IN ('r', 'p', 'm')
			  AND NOT c.relispartition
			  AND c.relowner = (SELECT nspowner FROM pg_catalog.pg_namespace WHERE nspname = 'app')
			ORDER BY 1""";

	private static final String ANALYZE = """
			SELECT analytics.analyze_table(CAST(:table AS regclass))""";

	private final AnalyticsMaintenance analytics;

	private final MaintenanceReporter reporter;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final MaintenanceMetrics metrics;

	MaintenanceRunner(AnalyticsMaintenance analytics, MaintenanceReporter reporter, JdbcClient jdbc,
			TransactionTemplate transactions, MaintenanceMetrics metrics) {
		this.analytics = analytics;
		this.reporter = reporter;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.metrics = metrics;
	}

	synchronized MaintenanceRun run(Consumer<String> progress) {
		List<MaintenanceRun.Task> tasks = new ArrayList<>();
		tasks.add(task("partitions", progress, () -> {
			var upkeep = analytics.upkeepPartitions(progress);
			return upkeep.created().size() + " partitions created, " + upkeep.dropped().size() + " dropped, "
					+ upkeep.inDefault().stream().mapToLong(rows -> rows.rows()).sum() + " rows in default partitions";
		}));
		tasks.add(
				task("refresh", progress, () -> analytics.refreshReports(progress).size() + " report views refreshed"));
		tasks.add(task("analyze", progress, () -> analyze(progress) + " tables analyzed"));
		progress.accept("report");
		return new MaintenanceRun(tasks, reporter.report());
	}

	private int analyze(Consumer<String> progress) {
		List<String> tables = inJob(() -> jdbc.sql(TABLES).query(String.class).list());
		int done = 0;
		for (String table : tables) {
			inJob(() -> jdbc.sql(ANALYZE).param("table", table).query((row, n) -> 1).list());
			done++;
			if (done % 10 == 0 || done == tables.size()) {
				progress.accept("analyzed " + done + "/" + tables.size() + " tables");
			}
		}
		return done;
	}

	private MaintenanceRun.Task task(String name, Consumer<String> progress, Supplier<String> work) {
		progress.accept(name + ": started");
		Instant at = Instant.now();
		long started = System.nanoTime();
		try {
			String detail = work.get();
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			metrics.ran(name, at, took, true);
			progress.accept(name + ": " + detail + " in " + took.toMillis() + " ms");
			return new MaintenanceRun.Task(name, true, took.toMillis(), detail);
		}
		catch (RuntimeException ex) {
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			metrics.ran(name, at, took, false);
			progress.accept(name + ": FAILED after " + took.toMillis() + " ms: " + ex.getMessage());
			return new MaintenanceRun.Task(name, false, took.toMillis(), String.valueOf(ex.getMessage()));
		}
	}

	private <T> T inJob(Supplier<T> work) {
		return ActorContext.callAs(Actor.job("maintenance"), () -> transactions.execute(status -> work.get()));
	}

}
