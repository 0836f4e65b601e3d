--liquibase formatted sql

--changeset getaways:003-trips
CREATE TABLE app.trips (
  id               bigint GENERATED ALWAYS AS IDENTITY,
  code             text NOT NULL,
  name             text NOT NULL,
  resort           text NOT NULL,
  departs_at       timestamptz NOT NULL,
  nights           integer NOT NULL,
  price_per_person numeric(12, 2) NOT NULL,
  currency         char(3) NOT NULL DEFAULT 'USD',
  capacity         integer NOT NULL,
  seats_booked     integer NOT NULL DEFAULT 0,
  status           text NOT NULL DEFAULT 'ACTIVE',
  content_version  bigint NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT trips_pkey PRIMARY KEY (id),
  CONSTRAINT trips_code_key UNIQUE (code),
  CONSTRAINT trips_code_format_chk CHECK (code ~ '^[A-Z0-9]{4,20}$'),
  CONSTRAINT trips_name_chk CHECK (length(name) BETWEEN 1 AND 120),
  CONSTRAINT trips_resort_chk CHECK (length(resort) BETWEEN 1 AND 120),
  CONSTRAINT trips_nights_chk CHECK (nights BETWEEN 1 AND 365),
  CONSTRAINT trips_price_chk CHECK (price_per_person >= 0),
  CONSTRAINT trips_currency_chk CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT trips_capacity_chk CHECK (capacity >= 0),
  CONSTRAINT trips_seats_chk CHECK (seats_booked >= 0 AND seats_booked <= capacity),
  CONSTRAINT trips_status_chk CHECK (status IN ('ACTIVE', 'INACTIVE')),
  CONSTRAINT trips_content_version_chk CHECK (content_version >= 1)
);
CREATE INDEX trips_departs_at_idx ON app.trips (departs_at, code);
CREATE INDEX trips_price_idx ON app.trips (price_per_person);
CREATE INDEX trips_resort_lower_idx ON app.trips (lower(resort));
CREATE INDEX trips_text_trgm_idx ON app.trips USING gin ((name || ' ' || resort) gin_trgm_ops);
--rollback DROP TABLE app.trips;

--changeset getaways:003-trips-grants
GRANT SELECT ON app.trips TO ${role_customer}, ${role_readonly}, ${role_backup};
GRANT SELECT, INSERT, UPDATE ON app.trips TO ${role_admin}, ${role_jobs};
--rollback REVOKE ALL ON app.trips FROM ${role_customer}, ${role_readonly}, ${role_backup}, ${role_admin}, ${role_jobs};
