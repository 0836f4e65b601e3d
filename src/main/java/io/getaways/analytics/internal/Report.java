package io.getaways.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One report answer.
 *
 * @param report revenue, occupancy, funnel or searches
 * @param groupBy the grouping used
 * @param from first day of the window (inclusive)
 * @param to end of the window (exclusive)
 * @param refreshedAt when the view's data was taken
 * @param covers the window the view covers
 * @param columns the row members, in order
 * @param rows one map per row, keyed by column
 */
record Report(String report, String groupBy, LocalDate from, LocalDate to, Instant refreshedAt, Coverage covers,
		List<String> columns, List<Map<String, Object>> rows) {

	/** From (inclusive) to (exclusive); both null while the view holds no data. */
	record Coverage(LocalDate from, LocalDate to) {

		boolean empty() {
			return from == null;
		}

	}

}
