--liquibase formatted sql

--changeset getaways:015-payments
--comment: money moves through the gateway; only its reference is kept, never card data
CREATE TABLE app.payments (
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  booking_id        uuid NOT NULL,
  user_id           uuid NOT NULL,
  amount            numeric(12, 2) NOT NULL,
  currency          char(3) NOT NULL,
  status            text NOT NULL,
  gateway_reference text,
  failure_reason    text,
  refunded_amount   numeric(12, 2) NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT payments_pkey PRIMARY KEY (id),
  CONSTRAINT payments_booking_fkey FOREIGN KEY (booking_id) REFERENCES app.bookings (id),
  CONSTRAINT payments_user_fkey FOREIGN KEY (user_id) REFERENCES app.users (id),
  CONSTRAINT payments_amount_chk CHECK (amount > 0),
  CONSTRAINT payments_currency_chk CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT payments_status_chk CHECK (status IN ('CAPTURED', 'FAILED')),
  CONSTRAINT payments_reference_chk CHECK (status <> 'CAPTURED' OR gateway_reference IS NOT NULL),
  CONSTRAINT payments_refunded_chk CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
  CONSTRAINT payments_failure_reason_chk CHECK (length(failure_reason) <= 200)
);
-- a booking is paid at most once, whatever the number of concurrent attempts
CREATE UNIQUE INDEX payments_one_capture_per_booking ON app.payments (booking_id) WHERE status = 'CAPTURED';
CREATE INDEX payments_booking_idx ON app.payments (booking_id);
CREATE INDEX payments_user_idx ON app.payments (user_id, created_at DESC);
CREATE INDEX payments_created_idx ON app.payments (created_at DESC, id);
CREATE TABLE app.refunds (
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  payment_id        uuid NOT NULL,
  booking_id        uuid NOT NULL,
  user_id           uuid NOT NULL,
  amount            numeric(12, 2) NOT NULL,
  currency          char(3) NOT NULL,
  status            text NOT NULL,
  gateway_reference text,
  reason            text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT refunds_pkey PRIMARY KEY (id),
  CONSTRAINT refunds_payment_fkey FOREIGN KEY (payment_id) REFERENCES app.payments (id),
  CONSTRAINT refunds_booking_fkey FOREIGN KEY (booking_id) REFERENCES app.bookings (id),
  CONSTRAINT refunds_user_fkey FOREIGN KEY (user_id) REFERENCES app.users (id),
  CONSTRAINT refunds_amount_chk CHECK (amount > 0),
  CONSTRAINT refunds_currency_chk CHECK (currency ~ '^[A-Z]{3}$'),
  CONSTRAINT refunds_status_chk CHECK (status IN ('SUCCEEDED', 'FAILED')),
  CONSTRAINT refunds_reason_chk CHECK (length(reason) BETWEEN 1 AND 200)
);
CREATE INDEX refunds_payment_idx ON app.refunds (payment_id);
CREATE INDEX refunds_booking_idx ON app.refunds (booking_id);
CREATE INDEX refunds_user_idx ON app.refunds (user_id, created_at DESC);
CREATE TRIGGER payments_touch BEFORE UPDATE ON app.payments FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER refunds_touch BEFORE UPDATE ON app.refunds FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER payments_audit AFTER INSERT OR UPDATE OR DELETE ON app.payments
  FOR EACH ROW EXECUTE FUNCTION audit.capture('id');
CREATE TRIGGER refunds_audit AFTER INSERT OR UPDATE OR DELETE ON app.refunds
  FOR EACH ROW EXECUTE FUNCTION audit.capture('id');
--rollback DROP TABLE app.refunds;
--rollback DROP TABLE app.payments;

--changeset getaways:015-idempotency-keys
--comment: a money-moving request's key, scoped to its caller; the first request's answer is kept for replays until the key expires
CREATE TABLE app.idempotency_keys (
  user_id         uuid NOT NULL,
  idempotency_key text NOT NULL,
  request_method  text NOT NULL,
  request_path    text NOT NULL,
  request_hash    bytea NOT NULL,
  status          text NOT NULL DEFAULT 'IN_PROGRESS',
  response_status integer,
  response_body   text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  CONSTRAINT idempotency_keys_pkey PRIMARY KEY (user_id, idempotency_key),
  CONSTRAINT idempotency_keys_user_fkey FOREIGN KEY (user_id) REFERENCES app.users (id) ON DELETE CASCADE,
  CONSTRAINT idempotency_keys_key_chk CHECK (idempotency_key ~ '^[\x21-\x7E]{1,255}$'),
  CONSTRAINT idempotency_keys_status_chk CHECK (status IN ('IN_PROGRESS', 'COMPLETED')),
  CONSTRAINT idempotency_keys_response_chk CHECK (status <> 'COMPLETED' OR response_status BETWEEN 100 AND 599)
);
CREATE INDEX idempotency_keys_expiry_idx ON app.idempotency_keys (expires_at);
CREATE TRIGGER idempotency_keys_touch BEFORE UPDATE ON app.idempotency_keys
  FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
--rollback DROP TABLE app.idempotency_keys;

--changeset getaways:015-payments-security
--comment: a traveller sees their own payments, refunds and keys; admins see all; jobs purge expired keys
ALTER TABLE app.payments ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.payments FORCE ROW LEVEL SECURITY;
ALTER TABLE app.refunds ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.refunds FORCE ROW LEVEL SECURITY;
ALTER TABLE app.idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY payments_own ON app.payments FOR ALL TO ${role_customer}
  USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid))
  WITH CHECK (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY payments_admin ON app.payments FOR ALL TO ${role_admin} USING (true) WITH CHECK (true);
CREATE POLICY payments_jobs ON app.payments FOR SELECT TO ${role_jobs} USING (true);
CREATE POLICY refunds_own ON app.refunds FOR ALL TO ${role_customer}
  USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid))
  WITH CHECK (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY refunds_admin ON app.refunds FOR ALL TO ${role_admin} USING (true) WITH CHECK (true);
CREATE POLICY refunds_jobs ON app.refunds FOR SELECT TO ${role_jobs} USING (true);
CREATE POLICY idempotency_keys_own ON app.idempotency_keys FOR ALL TO ${role_customer}
  USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid))
  WITH CHECK (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY idempotency_keys_admin ON app.idempotency_keys FOR ALL TO ${role_admin}
  USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid))
  WITH CHECK (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY idempotency_keys_jobs ON app.idempotency_keys FOR ALL TO ${role_jobs} USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE (status, gateway_reference, failure_reason, refunded_amount)
  ON app.payments TO ${role_customer};
GRANT SELECT, INSERT ON app.refunds TO ${role_customer};
GRANT SELECT, INSERT, UPDATE, DELETE ON app.idempotency_keys TO ${role_customer}, ${role_admin};
GRANT SELECT, INSERT, UPDATE ON app.payments, app.refunds TO ${role_admin};
GRANT SELECT ON app.payments, app.refunds TO ${role_jobs}, ${role_backup};
GRANT SELECT, DELETE ON app.idempotency_keys TO ${role_jobs};
--rollback REVOKE ALL ON app.payments, app.refunds, app.idempotency_keys FROM ${role_customer}, ${role_admin}, ${role_jobs}, ${role_backup};
--rollback DROP POLICY idempotency_keys_jobs ON app.idempotency_keys;
--rollback DROP POLICY idempotency_keys_admin ON app.idempotency_keys;
--rollback DROP POLICY idempotency_keys_own ON app.idempotency_keys;
--rollback DROP POLICY refunds_jobs ON app.refunds;
--rollback DROP POLICY refunds_admin ON app.refunds;
--rollback DROP POLICY refunds_own ON app.refunds;
--rollback DROP POLICY payments_jobs ON app.payments;
--rollback DROP POLICY payments_admin ON app.payments;
--rollback DROP POLICY payments_own ON app.payments;
--rollback ALTER TABLE app.idempotency_keys NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE app.idempotency_keys DISABLE ROW LEVEL SECURITY;
--rollback ALTER TABLE app.refunds NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE app.refunds DISABLE ROW LEVEL SECURITY;
--rollback ALTER TABLE app.payments NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE app.payments DISABLE ROW LEVEL SECURITY;

--changeset getaways:015-refunds-reference
--comment: a refund that succeeded was made by the gateway, so it has the gateway's reference, as a captured payment does
ALTER TABLE app.refunds ADD CONSTRAINT refunds_reference_chk
  CHECK (status <> 'SUCCEEDED' OR gateway_reference IS NOT NULL);
--rollback ALTER TABLE app.refunds DROP CONSTRAINT refunds_reference_chk;
