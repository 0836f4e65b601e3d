--liquibase formatted sql

--changeset getaways:013-updated-at-function splitStatements:false
--comment: updated_at is kept by the database so that no writer can forget it or set it wrong
CREATE FUNCTION app.touch_updated_at() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.updated_at := pg_catalog.now();
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION app.touch_updated_at() FROM PUBLIC;
CREATE TRIGGER users_touch BEFORE UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER trips_touch BEFORE UPDATE ON app.trips FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER config_touch BEFORE UPDATE ON system.config FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER rate_limit_overrides_touch BEFORE UPDATE ON system.rate_limit_overrides
  FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
--rollback DROP TRIGGER rate_limit_overrides_touch ON system.rate_limit_overrides;
--rollback DROP TRIGGER config_touch ON system.config;
--rollback DROP TRIGGER trips_touch ON app.trips;
--rollback DROP TRIGGER users_touch ON app.users;
--rollback DROP FUNCTION app.touch_updated_at();

--changeset getaways:013-stays
--comment: a stay is rented exclusively by date range; its bookings' ranges never overlap (see 014-bookings)
CREATE TABLE app.stays (
  id              bigint GENERATED ALWAYS AS IDENTITY,
  code            text NOT NULL,
  name            text NOT NULL,
  country         text NOT NULL,
  city            text NOT NULL,
  price_per_night numeric(12, 2) NOT NULL,
  currency        char(3) NOT NULL DEFAULT 'USD',
  max_guests      integer NOT NULL,
  status          text NOT NULL DEFAULT 'ACTIVE',
  content_version bigint NOT NULL DEFAULT 1,
  rating_sum      bigint NOT NULL DEFAULT 0,
  review_count    integer NOT NULL DEFAULT 0,
  rating_average  numeric(3, 2) GENERATED ALWAYS AS
                    (CASE WHEN review_count = 0 THEN NULL ELSE round(rating_sum::numeric / review_count, 2) END) STORED,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT stays_pkey PRIMARY KEY (id),
  CONSTRAINT stays_code_key UNIQUE (code),
  CONSTRAINT stays_code_format_chk CHECK (code ~ '^[A-Z0-9]{4,20}$'),
  CONSTRAINT stays_name_chk CHECK (length(name) BETWEEN 1 AND 120),
  CONSTRAINT stays_country_chk CHECK (length(country) BETWEEN 1 AND 80),
  CONSTRAINT stays_city_chk CHECK (length(city) BETWEEN 1 AND 80),
  CONSTRAINT stays_price_chk CHECK (price_per_night >= 0),
  CONSTRAINT stays_currency_chk CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT stays_max_guests_chk CHECK (max_guests BETWEEN 1 AND 50),
  CONSTRAINT stays_status_chk CHECK (status IN ('ACTIVE', 'INACTIVE')),
  CONSTRAINT stays_content_version_chk CHECK (content_version >= 1),
  CONSTRAINT stays_rating_chk CHECK (review_count >= 0 AND rating_sum BETWEEN review_count AND 5 * review_count)
);
CREATE INDEX stays_place_idx ON app.stays (lower(country), lower(city));
CREATE INDEX stays_price_idx ON app.stays (price_per_night);
CREATE INDEX stays_text_trgm_idx ON app.stays USING gin ((name || ' ' || city || ' ' || country) gin_trgm_ops);
CREATE TRIGGER stays_touch BEFORE UPDATE ON app.stays FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER stays_audit AFTER INSERT OR UPDATE OR DELETE ON app.stays
  FOR EACH ROW EXECUTE FUNCTION audit.capture('code');
GRANT SELECT ON app.stays TO ${role_customer}, ${role_readonly}, ${role_backup};
GRANT SELECT, INSERT, UPDATE ON app.stays TO ${role_admin}, ${role_jobs};
--rollback DROP TABLE app.stays;

--changeset getaways:013-trip-ratings
--comment: ratings are kept by the review triggers (016-reviews) as a sum and a count, so concurrent reviews only add
ALTER TABLE app.trips
  ADD COLUMN rating_sum     bigint NOT NULL DEFAULT 0,
  ADD COLUMN review_count   integer NOT NULL DEFAULT 0,
  ADD COLUMN rating_average numeric(3, 2) GENERATED ALWAYS AS
    (CASE WHEN review_count = 0 THEN NULL ELSE round(rating_sum::numeric / review_count, 2) END) STORED,
  ADD CONSTRAINT trips_rating_chk CHECK (review_count >= 0 AND rating_sum BETWEEN review_count AND 5 * review_count);
-- travellers change exactly one column of a trip, and only through the booking module's conditional update
GRANT UPDATE (seats_booked) ON app.trips TO ${role_customer};
--rollback REVOKE UPDATE (seats_booked) ON app.trips FROM ${role_customer};
--rollback ALTER TABLE app.trips DROP COLUMN rating_average, DROP COLUMN review_count, DROP COLUMN rating_sum;
