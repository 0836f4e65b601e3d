package io.getaways.analytics;

import java.time.YearMonth;

/**
 * Rows of a recorded-analytics table that landed in its DEFAULT partition because no
 * partition existed for their month: too far ahead, or older than the partitions kept.
 *
 * @param table {@code search_events} or {@code listing_views}
 * @param month the UTC month of the rows' time column
 * @param rows how many
 */
public record DefaultPartitionRows(String table, YearMonth month, long rows) {
}
