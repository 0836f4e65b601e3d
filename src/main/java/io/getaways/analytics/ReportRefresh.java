package io.getaways.analytics;

import java.time.Duration;
import java.time.Instant;

/**
 * One report view refreshed.
 *
 * @param view the materialized view, such as {@code revenue_monthly}
 * @param refreshedAt when the refresh began: the view shows the data as of then
 * @param took how long the refresh took
 */
public record ReportRefresh(String view, Instant refreshedAt, Duration took) {
}
