--liquibase formatted sql

--changeset getaways:019-analytics-schema
--comment: recorded searches and listing views, and the report views; the pool reads reports as the reporting role
CREATE SCHEMA analytics;
GRANT USAGE ON SCHEMA analytics TO ${role_app}, ${role_admin}, ${role_jobs}, ${role_readonly}, ${role_backup};
GRANT ${role_readonly} TO ${role_app};
--rollback REVOKE ${role_readonly} FROM ${role_app};
--rollback DROP SCHEMA analytics;

--changeset getaways:019-analytics-events
--comment: partitioned by month on their time column; a DEFAULT partition catches a row for a month not provisioned yet, so recording never fails. No personal data beyond a user id
CREATE TABLE analytics.search_events (
  searched_at timestamptz NOT NULL,
  query       text NOT NULL,
  kind        text,
  hits        bigint NOT NULL,
  user_id     uuid,
  CONSTRAINT search_events_kind_chk CHECK (kind IN ('trip', 'stay')),
  CONSTRAINT search_events_query_chk CHECK (length(query) <= 200),
  CONSTRAINT search_events_hits_chk CHECK (hits >= 0)
) PARTITION BY RANGE (searched_at);
CREATE TABLE analytics.search_events_default PARTITION OF analytics.search_events DEFAULT;
CREATE INDEX search_events_at_idx ON analytics.search_events (searched_at);
CREATE TABLE analytics.listing_views (
  viewed_at timestamptz NOT NULL,
  kind      text NOT NULL,
  code      text NOT NULL,
  user_id   uuid,
  CONSTRAINT listing_views_kind_chk CHECK (kind IN ('trip', 'stay')),
  CONSTRAINT listing_views_code_chk CHECK (length(code) BETWEEN 1 AND 20)
) PARTITION BY RANGE (viewed_at);
CREATE TABLE analytics.listing_views_default PARTITION OF analytics.listing_views DEFAULT;
CREATE INDEX listing_views_at_idx ON analytics.listing_views (viewed_at);
GRANT SELECT, INSERT ON analytics.search_events, analytics.listing_views TO ${role_jobs};
GRANT SELECT ON analytics.search_events, analytics.listing_views TO ${role_readonly}, ${role_backup};
GRANT SELECT ON analytics.search_events_default, analytics.listing_views_default TO ${role_jobs}, ${role_readonly};
--rollback DROP TABLE analytics.listing_views;
--rollback DROP TABLE analytics.search_events;

--changeset getaways:019-analytics-partition-functions splitStatements:false
--comment: partition DDL needs the tables' owner; these narrow functions are the only way the jobs role changes partitions. A partition created for a month whose rows already sit in the default partition takes them over
CREATE FUNCTION analytics.month_partition_column(p_table text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
  SELECT CASE p_table WHEN 'search_events' THEN 'searched_at' WHEN 'listing_views' THEN 'viewed_at' END
$$;
CREATE FUNCTION analytics.create_month_partition(p_table text, p_month date) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  v_column text := analytics.month_partition_column(p_table);
  v_from timestamptz := date_trunc('month', p_month)::timestamp AT TIME ZONE 'UTC';
  v_to timestamptz := (date_trunc('month', p_month) + interval '1 month')::timestamp AT TIME ZONE 'UTC';
  v_name text := p_table || '_p' || to_char(p_month, 'YYYYMM');
BEGIN
  IF v_column IS NULL THEN
    RAISE EXCEPTION 'not a partitioned analytics table: %', p_table USING ERRCODE = '22023';
  END IF;
  IF to_regclass(format('analytics.%I', v_name)) IS NOT NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('CREATE TABLE analytics.%I (LIKE analytics.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
                 v_name, p_table);
  EXECUTE format('WITH moved AS (DELETE FROM analytics.%I WHERE %I >= %L AND %I < %L RETURNING *) '
                 'INSERT INTO analytics.%I SELECT * FROM moved',
                 p_table || '_default', v_column, v_from, v_column, v_to, v_name);
  EXECUTE format('ALTER TABLE analytics.%I ATTACH PARTITION analytics.%I FOR VALUES FROM (%L) TO (%L)',
                 p_table, v_name, v_from, v_to);
  RETURN true;
END
$$;
CREATE FUNCTION analytics.drop_month_partition(p_table text, p_month date) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  v_name text := p_table || '_p' || to_char(p_month, 'YYYYMM');
  v_rows bigint;
BEGIN
  IF analytics.month_partition_column(p_table) IS NULL THEN
    RAISE EXCEPTION 'not a partitioned analytics table: %', p_table USING ERRCODE = '22023';
  END IF;
  IF to_regclass(format('analytics.%I', v_name)) IS NULL THEN
    RETURN -1;
  END IF;
  EXECUTE format('SELECT count(*) FROM analytics.%I', v_name) INTO v_rows;
  EXECUTE format('ALTER TABLE analytics.%I DETACH PARTITION analytics.%I', p_table, v_name);
  EXECUTE format('DROP TABLE analytics.%I', v_name);
  RETURN v_rows;
END
$$;
REVOKE ALL ON FUNCTION analytics.create_month_partition(text, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION analytics.drop_month_partition(text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION analytics.create_month_partition(text, date) TO ${role_jobs};
GRANT EXECUTE ON FUNCTION analytics.drop_month_partition(text, date) TO ${role_jobs};
--rollback DROP FUNCTION analytics.drop_month_partition(text, date);
--rollback DROP FUNCTION analytics.create_month_partition(text, date);
--rollback DROP FUNCTION analytics.month_partition_column(text);

--changeset getaways:019-report-owner-reads
--comment: a materialized view is refreshed as its owner, the schema owner, which reads payments and refunds only here; bookings it already reads (014-bookings-security)
CREATE POLICY payments_reports ON app.payments FOR SELECT TO ${role_owner} USING (true);
CREATE POLICY refunds_reports ON app.refunds FOR SELECT TO ${role_owner} USING (true);
--rollback DROP POLICY refunds_reports ON app.refunds;
--rollback DROP POLICY payments_reports ON app.payments;

--changeset getaways:019-report-views
--comment: periods are UTC calendar months and ISO weeks; money is counted when it moved (a refund in the month it was paid back); each view has a unique index so it can be refreshed CONCURRENTLY
CREATE MATERIALIZED VIEW analytics.revenue_monthly AS
WITH money AS (
  SELECT p.booking_id, date_trunc('month', p.created_at AT TIME ZONE 'UTC')::date AS month, p.currency,
         p.amount AS gross, 0::numeric AS refunded
  FROM app.payments p
  WHERE p.status = 'CAPTURED'
  UNION ALL
  SELECT r.booking_id, date_trunc('month', r.created_at AT TIME ZONE 'UTC')::date, r.currency, 0, r.amount
  FROM app.refunds r
  WHERE r.status = 'SUCCEEDED'
)
SELECT m.month,
       CASE WHEN b.trip_id IS NOT NULL THEN 'trip' ELSE 'stay' END AS kind,
       coalesce(t.code, s.code) AS listing_code,
       min(coalesce(t.name, s.name)) AS listing_name,
       m.currency,
       sum(m.gross) AS gross,
       sum(m.refunded) AS refunded,
       sum(m.gross) - sum(m.refunded) AS net,
       count(*) FILTER (WHERE m.gross > 0) AS payments
FROM money m
JOIN app.bookings b ON b.id = m.booking_id
LEFT JOIN app.trips t ON t.id = b.trip_id
LEFT JOIN app.stays s ON s.id = b.stay_id
GROUP BY m.month, 2, 3, m.currency;
CREATE UNIQUE INDEX revenue_monthly_key ON analytics.revenue_monthly (month, kind, listing_code, currency);

CREATE MATERIALIZED VIEW analytics.trip_occupancy AS
SELECT t.id AS trip_id, t.code AS trip_code, t.name AS trip_name, t.departs_at, t.capacity,
       coalesce(sum(b.seats) FILTER (WHERE b.status IN ('CONFIRMED', 'COMPLETED')), 0)::bigint AS seats_sold,
       coalesce(sum(b.seats) FILTER (WHERE b.status = 'PENDING'), 0)::bigint AS seats_held
FROM app.trips t
LEFT JOIN app.bookings b ON b.trip_id = t.id
GROUP BY t.id;
CREATE UNIQUE INDEX trip_occupancy_key ON analytics.trip_occupancy (trip_id);
CREATE INDEX trip_occupancy_departs_idx ON analytics.trip_occupancy (departs_at);

CREATE MATERIALIZED VIEW analytics.stay_occupancy_monthly AS
WITH bounds AS (
  SELECT date_trunc('month', min(lower(stay_dates)))::date AS first_month,
         date_trunc('month', max(upper(stay_dates) - 1))::date AS last_month
  FROM app.bookings
  WHERE stay_id IS NOT NULL AND status IN ('CONFIRMED', 'COMPLETED')
), months AS (
  SELECT m::date AS month, (m + interval '1 month')::date AS month_end
  FROM bounds, generate_series(bounds.first_month, bounds.last_month, interval '1 month') AS m
), sold AS (
  SELECT b.stay_id, m.month,
         sum(upper(b.stay_dates * daterange(m.month, m.month_end)) - lower(b.stay_dates * daterange(m.month, m.month_end)))
           AS nights
  FROM app.bookings b
  JOIN months m ON b.stay_dates && daterange(m.month, m.month_end)
  WHERE b.stay_id IS NOT NULL AND b.status IN ('CONFIRMED', 'COMPLETED')
  GROUP BY b.stay_id, m.month
)
SELECT s.id AS stay_id, s.code AS stay_code, s.name AS stay_name, m.month,
       coalesce(sold.nights, 0)::bigint AS nights_sold,
       (m.month_end - m.month)::bigint AS nights_available
FROM app.stays s
CROSS JOIN months m
LEFT JOIN sold ON sold.stay_id = s.id AND sold.month = m.month;
CREATE UNIQUE INDEX stay_occupancy_monthly_key ON analytics.stay_occupancy_monthly (stay_id, month);

CREATE MATERIALIZED VIEW analytics.booking_funnel_weekly AS
SELECT date_trunc('week', b.created_at AT TIME ZONE 'UTC')::date AS week,
       CASE WHEN b.trip_id IS NOT NULL THEN 'trip' ELSE 'stay' END AS kind,
       count(*) AS held,
       count(*) FILTER (WHERE b.confirmed_at IS NOT NULL) AS confirmed,
       count(*) FILTER (WHERE b.status = 'CANCELLED' AND b.cancellation_reason <> 'HOLD_EXPIRED') AS cancelled,
       count(*) FILTER (WHERE b.cancellation_reason = 'HOLD_EXPIRED') AS expired,
       count(*) FILTER (WHERE b.status = 'PENDING') AS pending
FROM app.bookings b
GROUP BY 1, 2;
CREATE UNIQUE INDEX booking_funnel_weekly_key ON analytics.booking_funnel_weekly (week, kind);

CREATE MATERIALIZED VIEW analytics.search_terms_daily AS
SELECT (e.searched_at AT TIME ZONE 'UTC')::date AS day,
       lower(e.query) AS term,
       count(*) AS searches,
       count(*) FILTER (WHERE e.hits = 0) AS without_result
FROM analytics.search_events e
WHERE e.query <> ''
GROUP BY 1, 2;
CREATE UNIQUE INDEX search_terms_daily_key ON analytics.search_terms_daily (day, term);

CREATE TABLE analytics.report_refreshes (
  view_name    text NOT NULL,
  refreshed_at timestamptz NOT NULL,
  duration_ms  bigint NOT NULL,
  CONSTRAINT report_refreshes_pkey PRIMARY KEY (view_name)
);
INSERT INTO analytics.report_refreshes (view_name, refreshed_at, duration_ms)
SELECT v, now(), 0
FROM unnest(ARRAY['revenue_monthly', 'trip_occupancy', 'stay_occupancy_monthly', 'booking_funnel_weekly',
                  'search_terms_daily']) AS v;
GRANT SELECT ON analytics.revenue_monthly, analytics.trip_occupancy, analytics.stay_occupancy_monthly,
  analytics.booking_funnel_weekly, analytics.search_terms_daily, analytics.report_refreshes
  TO ${role_readonly}, ${role_jobs}, ${role_backup};
--rollback DROP TABLE analytics.report_refreshes;
--rollback DROP MATERIALIZED VIEW analytics.search_terms_daily;
--rollback DROP MATERIALIZED VIEW analytics.booking_funnel_weekly;
--rollback DROP MATERIALIZED VIEW analytics.stay_occupancy_monthly;
--rollback DROP MATERIALIZED VIEW analytics.trip_occupancy;
--rollback DROP MATERIALIZED VIEW analytics.revenue_monthly;

--changeset getaways:019-report-refresh-function splitStatements:false
--comment: only a view's owner may refresh it; the jobs role does so through this function, which also notes when each view's data was taken
CREATE FUNCTION analytics.refresh_report(p_view text) RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  v_started timestamptz := clock_timestamp();
BEGIN
  IF p_view NOT IN ('revenue_monthly', 'trip_occupancy', 'stay_occupancy_monthly', 'booking_funnel_weekly',
                    'search_terms_daily') THEN
    RAISE EXCEPTION 'not a report view: %', p_view USING ERRCODE = '22023';
  END IF;
  EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY analytics.%I', p_view);
  INSERT INTO analytics.report_refreshes AS r (view_name, refreshed_at, duration_ms)
  VALUES (p_view, v_started, (extract(epoch FROM clock_timestamp() - v_started) * 1000)::bigint)
  ON CONFLICT (view_name) DO UPDATE SET refreshed_at = excluded.refreshed_at, duration_ms = excluded.duration_ms;
  RETURN v_started;
END
$$;
REVOKE ALL ON FUNCTION analytics.refresh_report(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION analytics.refresh_report(text) TO ${role_jobs};
--rollback DROP FUNCTION analytics.refresh_report(text);

--changeset getaways:019-maintenance-functions splitStatements:false
--comment: ANALYZE and reading a sequence's position need the owner; the maintenance job gets exactly these two through narrow functions
CREATE FUNCTION analytics.analyze_table(p_table regclass) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.oid = p_table AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                   AND n.nspname IN ('app', 'analytics', 'audit', 'system')) THEN
    RAISE EXCEPTION 'not a table of this application: %', p_table USING ERRCODE = '22023';
  END IF;
  EXECUTE format('ANALYZE %s', p_table);
END
$$;
CREATE FUNCTION analytics.sequence_usage()
RETURNS TABLE (schema_name text, sequence_name text, last_value bigint, max_value bigint)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT s.schemaname::text, s.sequencename::text, s.last_value, s.max_value
  FROM pg_sequences s
  WHERE s.schemaname IN ('app', 'analytics', 'audit', 'system')
$$;
REVOKE ALL ON FUNCTION analytics.analyze_table(regclass) FROM PUBLIC;
REVOKE ALL ON FUNCTION analytics.sequence_usage() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION analytics.analyze_table(regclass) TO ${role_jobs};
GRANT EXECUTE ON FUNCTION analytics.sequence_usage() TO ${role_jobs};
--rollback DROP FUNCTION analytics.sequence_usage();
--rollback DROP FUNCTION analytics.analyze_table(regclass);
