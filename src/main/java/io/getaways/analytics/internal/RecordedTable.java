package io.getaways.analytics.internal;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two monthly partitioned tables. Every statement about them is a constant here; no
 * name ever comes from input.
 */
enum RecordedTable {

	SEARCH_EVENTS("search_events", """
			SELECT searched_at, query, kind, hits, user_id
			FROM analytics.search_events
			WHERE searched_at >= :from
			  AND searched_at < :to""", """
			SELECT to_char(searched_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
			       count(*) AS row_count
			FROM analytics.search_events_default
			GROUP BY 1
			ORDER BY 1"""),

	LISTING_VIEWS("listing_views", """
			SELECT viewed_at, kind, code, user_id
			FROM analytics.listing_views
			WHERE viewed_at >= :from
			  AND viewed_at < :to""", """
			SELECT to_char(viewed_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
			       count(*) AS row_count
			FROM analytics.listing_views_default
			GROUP BY 1
			ORDER BY 1""");

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");

	private static final Pattern PARTITION = Pattern.compile("_p(\\d{6})$");

	private final String table;

	private final String exportSql;

	private final String defaultRowsSql;

	RecordedTable(String table, String exportSql, String defaultRowsSql) {
		this.table = table;
		this.exportSql = exportSql;
		this.defaultRowsSql = defaultRowsSql;
	}

	String table() {
		return table;
	}

	String qualified() {
		return "analytics." + table;
	}

	String exportSql() {
		return exportSql;
	}

	String defaultRowsSql() {
		return defaultRowsSql;
	}

	String partition(YearMonth month) {
		return table + "_p" + month.format(SUFFIX);
	}

	/** The month of a monthly partition's name; empty for the default partition. */
	static Optional<YearMonth> monthOf(String partition) {
		Matcher matcher = PARTITION.matcher(partition);
		return matcher.find() ? Optional.of(YearMonth.parse(matcher.group(1), SUFFIX)) : Optional.empty();
	}

}
