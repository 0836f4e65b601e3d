package io.getaways.analytics.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import io.getaways.analytics.DefaultPartitionRows;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Partitions through the owner's narrow functions (changeset 019), and the catalog
 * queries that list them. Callers run it inside a job's transaction.
 */
class PartitionRepository {

	private static final String PARTITIONS = """
			SELECT c.relname
			FROM pg_catalog.pg_inherits i
			JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
			WHERE i.inhparent = to_regclass(:parent)
			ORDER BY c.relname""";

	private static final String CREATE = """
			SELECT analytics.create_month_partition(:table, :month)""";

	private static final String DROP = """
			SELECT analytics.drop_month_partition(:table, :month)""";

	private final JdbcClient jdbc;

	PartitionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<String> partitions(RecordedTable table) {
		return jdbc.sql(PARTITIONS).param("parent", table.qualified()).query(String.class).list();
	}

	/** False when the partition already existed. */
	boolean create(RecordedTable table, YearMonth month) {
		return jdbc.sql(CREATE)
			.param("table", table.table())
			.param("month", month.atDay(1))
			.query(Boolean.class)
			.single();
	}

	/** Rows the dropped partition held, or -1 when there was no such partition. */
	long drop(RecordedTable table, YearMonth month) {
		return jdbc.sql(DROP).param("table", table.table()).param("month", month.atDay(1)).query(Long.class).single();
	}

	List<DefaultPartitionRows> defaultRows(RecordedTable table) {
		return jdbc.sql(table.defaultRowsSql())
			.query((row, n) -> new DefaultPartitionRows(table.table(), YearMonth.parse(row.getString("month")),
					row.getLong("row_count")))
			.list();
	}

	/** Writes the month's rows as CSV lines, header first; returns how many rows. */
	long export(RecordedTable table, YearMonth month, Writer out) {
		long[] rows = { 0 };
		jdbc.sql(table.exportSql())
			.param("from", month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("to", month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC))
			.query(result -> {
				try {
					int columns = result.getMetaData().getColumnCount();
					if (rows[0] == 0) {
						for (int i = 1; i <= columns; i++) {
							out.write((i > 1 ? "," : "") + result.getMetaData().getColumnName(i));
						}
						out.write('\n');
					}
					for (int i = 1; i <= columns; i++) {
						Object value = result.getObject(i);
						out.write((i > 1 ? "," : "")
								+ Csv.field(value instanceof OffsetDateTime at ? at.toInstant() : value));
					}
					out.write('\n');
					rows[0]++;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		return rows[0];
	}

}
