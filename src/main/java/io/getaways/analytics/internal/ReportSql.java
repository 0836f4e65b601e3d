package io.getaways.analytics.internal;

/**
 * The reports' SQL over the materialized views of changeset 019. A period belongs to a
 * window when it starts inside it: {@code :from} inclusive, {@code :to} exclusive.
 */
final class ReportSql {

	static final String REVENUE_BY_MONTH = """
			SELECT month, currency, sum(gross) AS gross, sum(refunded) AS refunded, sum(net) AS net,
			       sum(payments) AS payments
			FROM analytics.revenue_monthly
			WHERE month >= :from
			  AND month < :to
			GROUP BY month, currency
			ORDER BY month, currency""";

	static final String REVENUE_BY_LISTING = """
			SELECT kind, listing_code, min(listing_name) AS listing_name, currency, sum(gross) AS gross,
			       sum(refunded) AS refunded, sum(net) AS net, sum(payments) AS payments
			FROM analytics.revenue_monthly
			WHERE month >= :from
			  AND month < :to
			GROUP BY kind, listing_code, currency
			ORDER BY net DESC, kind, listing_code, currency""";

	static final String REVENUE_BY_MONTH_AND_LISTING = """
			SELECT month, kind, listing_code, listing_name, currency, gross, refunded, net, payments
			FROM analytics.revenue_monthly
			WHERE month >= :from
			  AND month < :to
			ORDER BY month, kind, listing_code, currency""";

	static final String REVENUE_COVERAGE = """
			SELECT min(month) AS first_day, NULL::date AS end_day
			FROM analytics.revenue_monthly""";

	static final String TRIP_OCCUPANCY = """
			SELECT trip_code, trip_name, departs_at, capacity, seats_sold, seats_held,
			       round(seats_sold::numeric / nullif(capacity, 0), 4) AS occupancy
			FROM analytics.trip_occupancy
			WHERE (departs_at AT TIME ZONE 'UTC')::date >= :from
			  AND (departs_at AT TIME ZONE 'UTC')::date < :to
			ORDER BY departs_at, trip_code""";

	static final String TRIP_OCCUPANCY_COVERAGE = """
			SELECT (min(departs_at) AT TIME ZONE 'UTC')::date AS first_day,
			       (max(departs_at) AT TIME ZONE 'UTC')::date + 1 AS end_day
			FROM analytics.trip_occupancy""";

	static final String STAY_OCCUPANCY_BY_MONTH = """
			SELECT stay_code, stay_name, month, nights_sold, nights_available,
			       round(nights_sold::numeric / nullif(nights_available, 0), 4) AS occupancy
			FROM analytics.stay_occupancy_monthly
			WHERE month >= :from
			  AND month < :to
			ORDER BY stay_code, month""";

	static final String STAY_OCCUPANCY = """
			SELECT stay_code, min(stay_name) AS stay_name, sum(nights_sold) AS nights_sold,
			       sum(nights_available) AS nights_available,
			       round(sum(nights_sold)::numeric / nullif(sum(nights_available), 0), 4) AS occupancy
			FROM analytics.stay_occupancy_monthly
			WHERE month >= :from
			  AND month < :to
			GROUP BY stay_code
			ORDER BY occupancy DESC NULLS LAST, stay_code""";

	static final String STAY_OCCUPANCY_COVERAGE = """
			SELECT min(month) AS first_day, (max(month) + interval '1 month')::date AS end_day
			FROM analytics.stay_occupancy_monthly""";

	static final String FUNNEL_BY_WEEK = """
			SELECT week, sum(held) AS held, sum(confirmed) AS confirmed, sum(cancelled) AS cancelled,
			       sum(expired) AS expired, sum(pending) AS pending,
			       round(sum(confirmed)::numeric / nullif(sum(held), 0), 4) AS confirmation_rate
			FROM analytics.booking_funnel_weekly
			WHERE week >= :from
			  AND week < :to
			GROUP BY week
			ORDER BY week""";

	static final String FUNNEL_BY_WEEK_AND_KIND = """
			SELECT week, kind, held, confirmed, cancelled, expired, pending,
			       round(confirmed::numeric / nullif(held, 0), 4) AS confirmation_rate
			FROM analytics.booking_funnel_weekly
			WHERE week >= :from
			  AND week < :to
			ORDER BY week, kind""";

	static final String FUNNEL_COVERAGE = """
			SELECT min(week) AS first_day, NULL::date AS end_day
			FROM analytics.booking_funnel_weekly""";

	static final String TOP_SEARCHES = """
			SELECT term, sum(searches) AS searches, sum(without_result) AS without_result
			FROM analytics.search_terms_daily
			WHERE day >= :from
			  AND day < :to
			GROUP BY term
			ORDER BY searches DESC, term
			LIMIT :limit""";

	static final String SEARCHES_WITHOUT_RESULT = """
			SELECT term, sum(without_result) AS without_result, sum(searches) AS searches
			FROM analytics.search_terms_daily
			WHERE day >= :from
			  AND day < :to
			GROUP BY term
			HAVING sum(without_result) > 0
			ORDER BY without_result DESC, term
			LIMIT :limit""";

	static final String SEARCHES_COVERAGE = """
			SELECT min(day) AS first_day, NULL::date AS end_day
			FROM analytics.search_terms_daily""";

	private ReportSql() {
	}

}
