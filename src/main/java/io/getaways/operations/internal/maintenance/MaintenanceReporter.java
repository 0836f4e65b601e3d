package io.getaways.operations.internal.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import io.getaways.analytics.AnalyticsMaintenance;
import io.getaways.operations.internal.maintenance.MaintenanceReport.DeadTuples;
import io.getaways.operations.internal.maintenance.MaintenanceReport.DuplicateIndexes;
import io.getaways.operations.internal.maintenance.MaintenanceReport.IndexNote;
import io.getaways.operations.internal.maintenance.MaintenanceReport.SequenceUse;
import io.getaways.operations.internal.maintenance.MaintenanceReport.SlowStatement;
import io.getaways.platform.Actor;
import io.getaways.platform.ActorContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The report, from PostgreSQL's statistics views over the application's schemas. Index
 * use counts since the statistics were last reset, so a fresh server lists every index as
 * unused until it has served traffic.
 */
class MaintenanceReporter {

	private static final String DEAD_TUPLES = """
			SELECT schemaname || '.' || relname AS table_name, n_dead_tup, n_live_tup, last_vacuum, last_autovacuum
			FROM pg_catalog.pg_stat_user_tables
			WHERE n_dead_tup >= :deadTuples
			  AND n_dead_tup * 100 >= :percent * n_live_tup
			ORDER BY n_dead_tup DESC, table_name
			LIMIT 50""";

	private static final String UNUSED_INDEXES = """
			SELECT s.schemaname || '.' || s.relname AS table_name, s.indexrelname AS index_name,
			       pg_catalog.pg_relation_size(s.indexrelid) AS size_bytes
			FROM pg_catalog.pg_stat_user_indexes s
			JOIN pg_catalog.pg_index i ON i.indexrelid = s.indexrelid
			WHERE s.idx_scan = 0
			  AND NOT i.indisunique
			  AND s.schemaname IN ('app', 'analytics', 'audit', 'system')
			ORDER BY size_bytes DESC, table_name, index_name
			LIMIT 100""";

	private static final String DUPLICATE_INDEXES = """
			SELECT n.nspname || '.' || c.relname AS table_name,
			       string_agg(x.relname, ',' ORDER BY x.relname) AS indexes,
			       min(pg_catalog.pg_get_indexdef(i.indexrelid)) AS definition
			FROM pg_catalog.pg_index i
			JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
			JOIN pg_catalog.pg_class x ON x.oid = i.indexrelid
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname IN ('app', 'analytics', 'audit', 'system')
			GROUP BY n.nspname, c.relname, i.indkey::text, i.indclass::text, i.indcollation::text,
			         coalesce(pg_catalog.pg_get_expr(i.indexprs, i.indrelid), ''),
			         coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '')
			HAVING count(*) > 1
			ORDER BY table_name""";

	private static final String STATEMENTS_INSTALLED = """
			SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_stat_statements')""";

	private static final String SLOW_STATEMENTS = """
			SELECT query, calls, round(mean_exec_time::numeric, 3) AS mean_ms, round(total_exec_time::numeric, 3) AS total_ms
			FROM pg_stat_statements
			ORDER BY mean_exec_time DESC
			LIMIT :limit""";

	private static final String SEQUENCES = """
			SELECT schema_name || '.' || sequence_name AS sequence_name, last_value, max_value,
			       round(last_value::numeric * 100 / max_value, 2) AS percent_used
			FROM analytics.sequence_usage()
			WHERE last_value IS NOT NULL
			  AND last_value::numeric * 100 >= :percent * max_value::numeric
			ORDER BY percent_used DESC""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final MaintenanceSettings settings;

	private final AnalyticsMaintenance analytics;

	MaintenanceReporter(JdbcClient jdbc, TransactionTemplate transactions, MaintenanceSettings settings,
			AnalyticsMaintenance analytics) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.settings = settings;
		this.analytics = analytics;
	}

	MaintenanceReport report() {
		return ActorContext.callAs(Actor.job("maintenance-report"), () -> {
			List<DeadTuples> dead = inTransaction(() -> jdbc.sql(DEAD_TUPLES)
				.param("deadTuples", settings.deadTuples())
				.param("percent", settings.deadTuplePercent())
				.query((row, n) -> new DeadTuples(row.getString("table_name"), row.getLong("n_dead_tup"),
						row.getLong("n_live_tup"), instant(row, "last_vacuum"), instant(row, "last_autovacuum")))
				.list());
			List<IndexNote> unused = inTransaction(() -> jdbc.sql(UNUSED_INDEXES)
				.query((row, n) -> new IndexNote(row.getString("table_name"), row.getString("index_name"),
						row.getLong("size_bytes")))
				.list());
			List<DuplicateIndexes> duplicates = inTransaction(() -> jdbc.sql(DUPLICATE_INDEXES)
				.query((row, n) -> new DuplicateIndexes(row.getString("table_name"),
						Arrays.asList(row.getString("indexes").split(",")), row.getString("definition")))
				.list());
			List<SequenceUse> sequences = inTransaction(() -> jdbc.sql(SEQUENCES)
				.param("percent", settings.sequencePercent())
				.query((row, n) -> new SequenceUse(row.getString("sequence_name"), row.getLong("last_value"),
						row.getLong("max_value"), row.getBigDecimal("percent_used")))
				.list());
			List<SlowStatement> slow = null;
			String note;
			if (!inTransaction(() -> jdbc.sql(STATEMENTS_INSTALLED).query(Boolean.class).single())) {
				note = "not available: the pg_stat_statements extension is not installed in this database";
			}
			else {
				try {
					slow = inTransaction(() -> jdbc.sql(SLOW_STATEMENTS)
						.param("limit", settings.slowStatements())
						.query((row, n) -> new SlowStatement(row.getString("query"), row.getLong("calls"),
								row.getBigDecimal("mean_ms"), row.getBigDecimal("total_ms")))
						.list());
					note = "slowest " + slow.size() + " statements by mean execution time";
				}
				catch (DataAccessException ex) {
					note = "not available: " + ex.getMostSpecificCause().getMessage();
				}
			}
			return new MaintenanceReport(Instant.now(), dead, unused, duplicates, slow, note, sequences,
					analytics.defaultPartitionRows());
		});
	}

	private <T> T inTransaction(Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

}
