--liquibase formatted sql

--changeset getaways:014-bookings
--comment: one booking is seats on a trip or a date range of a stay; the unit price is captured when it is placed
CREATE TABLE app.bookings (
  id                  uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id             uuid NOT NULL,
  trip_id             bigint,
  stay_id             bigint,
  seats               integer,
  guests              integer,
  stay_dates          daterange,
  starts_at           timestamptz NOT NULL,
  ends_at             timestamptz NOT NULL,
  unit_price          numeric(12, 2) NOT NULL,
  quantity            integer NOT NULL,
  total_amount        numeric(12, 2) NOT NULL,
  currency            char(3) NOT NULL,
  status              text NOT NULL DEFAULT 'PENDING',
  hold_expires_at     timestamptz,
  confirmed_at        timestamptz,
  completed_at        timestamptz,
  cancelled_at        timestamptz,
  cancellation_reason text,
  refund_amount       numeric(12, 2),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT bookings_pkey PRIMARY KEY (id),
  CONSTRAINT bookings_user_fkey FOREIGN KEY (user_id) REFERENCES app.users (id),
  CONSTRAINT bookings_trip_fkey FOREIGN KEY (trip_id) REFERENCES app.trips (id),
  CONSTRAINT bookings_stay_fkey FOREIGN KEY (stay_id) REFERENCES app.stays (id),
  CONSTRAINT bookings_target_chk CHECK (
    (trip_id IS NOT NULL AND stay_id IS NULL AND seats > 0 AND guests IS NULL AND stay_dates IS NULL
       AND quantity = seats)
    OR (stay_id IS NOT NULL AND trip_id IS NULL AND seats IS NULL AND guests > 0 AND stay_dates IS NOT NULL
       AND NOT isempty(stay_dates) AND lower_inc(stay_dates) AND NOT upper_inc(stay_dates)
       AND NOT lower_inf(stay_dates) AND NOT upper_inf(stay_dates)
       AND quantity = upper(stay_dates) - lower(stay_dates))),
  CONSTRAINT bookings_period_chk CHECK (ends_at >= starts_at),
  CONSTRAINT bookings_amount_chk CHECK (unit_price >= 0 AND quantity > 0 AND total_amount = unit_price * quantity),
  CONSTRAINT bookings_currency_chk CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT bookings_status_chk CHECK (status IN ('PENDING', 'CONFIRMED', 'COMPLETED', 'CANCELLED')),
  CONSTRAINT bookings_hold_chk CHECK (status <> 'PENDING' OR hold_expires_at IS NOT NULL),
  CONSTRAINT bookings_confirmed_chk CHECK (status NOT IN ('CONFIRMED', 'COMPLETED') OR confirmed_at IS NOT NULL),
  CONSTRAINT bookings_completed_chk CHECK (status <> 'COMPLETED' OR completed_at IS NOT NULL),
  CONSTRAINT bookings_cancelled_chk CHECK (
    (status = 'CANCELLED') = (cancelled_at IS NOT NULL AND cancellation_reason IS NOT NULL)),
  CONSTRAINT bookings_cancellation_reason_chk CHECK (
    cancellation_reason IN ('CUSTOMER', 'ADMIN', 'HOLD_EXPIRED', 'PAYMENT_FAILED')),
  CONSTRAINT bookings_refund_chk CHECK (refund_amount IS NULL OR refund_amount BETWEEN 0 AND total_amount),
  -- the last line against double-booking a stay, whatever the application does
  CONSTRAINT bookings_stay_no_overlap EXCLUDE USING gist (stay_id WITH =, stay_dates WITH &&)
    WHERE (status IN ('PENDING', 'CONFIRMED', 'COMPLETED'))
);
CREATE INDEX bookings_user_idx ON app.bookings (user_id, created_at DESC);
CREATE INDEX bookings_trip_idx ON app.bookings (trip_id, status) WHERE trip_id IS NOT NULL;
CREATE INDEX bookings_stay_idx ON app.bookings (stay_id, status) WHERE stay_id IS NOT NULL;
CREATE INDEX bookings_hold_expiry_idx ON app.bookings (hold_expires_at) WHERE status = 'PENDING';
CREATE INDEX bookings_completion_idx ON app.bookings (ends_at) WHERE status = 'CONFIRMED';
CREATE INDEX bookings_created_idx ON app.bookings (created_at DESC, id);
CREATE TRIGGER bookings_touch BEFORE UPDATE ON app.bookings FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER bookings_audit AFTER INSERT OR UPDATE OR DELETE ON app.bookings
  FOR EACH ROW EXECUTE FUNCTION audit.capture('id');
--rollback DROP TABLE app.bookings;

--changeset getaways:014-bookings-security
--comment: a traveller sees and changes only their own bookings; admins and jobs (hold expiry, completion) see all; the owner reads them only inside its SECURITY DEFINER functions
ALTER TABLE app.bookings ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.bookings FORCE ROW LEVEL SECURITY;
CREATE POLICY bookings_own ON app.bookings FOR ALL TO ${role_customer}
  USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid))
  WITH CHECK (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY bookings_admin ON app.bookings FOR ALL TO ${role_admin} USING (true) WITH CHECK (true);
CREATE POLICY bookings_jobs ON app.bookings FOR ALL TO ${role_jobs} USING (true) WITH CHECK (true);
CREATE POLICY bookings_definer_functions ON app.bookings FOR SELECT TO ${role_owner} USING (true);
GRANT SELECT, INSERT,
  UPDATE (status, hold_expires_at, confirmed_at, cancelled_at, cancellation_reason, refund_amount)
  ON app.bookings TO ${role_customer};
GRANT SELECT, INSERT, UPDATE ON app.bookings TO ${role_admin};
GRANT SELECT, UPDATE (status, completed_at, cancelled_at, cancellation_reason, refund_amount)
  ON app.bookings TO ${role_jobs};
GRANT SELECT ON app.bookings TO ${role_backup};
--rollback REVOKE ALL ON app.bookings FROM ${role_customer}, ${role_admin}, ${role_jobs}, ${role_backup};
--rollback DROP POLICY bookings_definer_functions ON app.bookings;
--rollback DROP POLICY bookings_jobs ON app.bookings;
--rollback DROP POLICY bookings_admin ON app.bookings;
--rollback DROP POLICY bookings_own ON app.bookings;
--rollback ALTER TABLE app.bookings NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE app.bookings DISABLE ROW LEVEL SECURITY;

--changeset getaways:014-stay-occupancy splitStatements:false
--comment: availability is public, bookings are not: this function tells anyone which nights of a stay are taken and nothing about who took them
CREATE FUNCTION app.stay_occupancy(p_stay_id bigint, p_from date, p_to date)
RETURNS TABLE (check_in date, check_out date)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT lower(b.stay_dates), upper(b.stay_dates)
  FROM app.bookings b
  WHERE b.stay_id = p_stay_id
    AND b.status IN ('PENDING', 'CONFIRMED', 'COMPLETED')
    AND b.stay_dates && daterange(p_from, p_to, '[)')
  ORDER BY lower(b.stay_dates)
$$;
REVOKE ALL ON FUNCTION app.stay_occupancy(bigint, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.stay_occupancy(bigint, date, date)
  TO ${role_customer}, ${role_admin}, ${role_jobs}, ${role_readonly};
--rollback DROP FUNCTION app.stay_occupancy(bigint, date, date);

--changeset getaways:014-booking-transitions splitStatements:false
--comment: the state machine's last line: whatever a writer sends, a booking only moves PENDING -> CONFIRMED -> COMPLETED, or to CANCELLED from PENDING or CONFIRMED, and its price, owner and target never change
CREATE FUNCTION app.guard_booking_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF (NEW.user_id, NEW.trip_id, NEW.stay_id, NEW.seats, NEW.guests, NEW.stay_dates, NEW.unit_price, NEW.quantity,
      NEW.total_amount, NEW.currency)
     IS DISTINCT FROM
     (OLD.user_id, OLD.trip_id, OLD.stay_id, OLD.seats, OLD.guests, OLD.stay_dates, OLD.unit_price, OLD.quantity,
      OLD.total_amount, OLD.currency) THEN
    RAISE EXCEPTION 'booking % cannot change what was booked or its price', OLD.id USING ERRCODE = '23514';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
       (OLD.status = 'PENDING' AND NEW.status IN ('CONFIRMED', 'CANCELLED'))
    OR (OLD.status = 'CONFIRMED' AND NEW.status IN ('COMPLETED', 'CANCELLED'))) THEN
    RAISE EXCEPTION 'booking % cannot move from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION app.guard_booking_change() FROM PUBLIC;
CREATE TRIGGER bookings_guard BEFORE UPDATE ON app.bookings FOR EACH ROW EXECUTE FUNCTION app.guard_booking_change();
CREATE FUNCTION app.guard_booking_insert() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NEW.status <> 'PENDING' THEN
    RAISE EXCEPTION 'a booking starts PENDING, not %', NEW.status USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION app.guard_booking_insert() FROM PUBLIC;
CREATE TRIGGER bookings_guard_insert BEFORE INSERT ON app.bookings
  FOR EACH ROW EXECUTE FUNCTION app.guard_booking_insert();
--rollback DROP TRIGGER bookings_guard_insert ON app.bookings;
--rollback DROP FUNCTION app.guard_booking_insert();
--rollback DROP TRIGGER bookings_guard ON app.bookings;
--rollback DROP FUNCTION app.guard_booking_change();
