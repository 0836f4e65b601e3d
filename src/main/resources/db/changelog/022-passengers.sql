--liquibase formatted sql

--changeset getaways:022-data-keys
--comment: envelope encryption's data keys, each AES-256 key wrapped (AES-GCM) by the key-encryption key named in key_id, which lives only in configuration. A wrapped key is useless without that key and names nobody, so the table has no row-level security; only the key-rotation job may re-wrap a key, and nobody deletes one
CREATE TABLE app.data_keys (
  id           uuid NOT NULL,
  key_id       text NOT NULL,
  wrapped_key  bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  rewrapped_at timestamptz,
  CONSTRAINT data_keys_pkey PRIMARY KEY (id),
  CONSTRAINT data_keys_key_id_chk CHECK (key_id ~ '^[A-Za-z0-9_-]{1,40}$')
);
CREATE INDEX data_keys_key_id_idx ON app.data_keys (key_id, id);
GRANT SELECT, INSERT ON app.data_keys TO ${role_customer}, ${role_admin};
GRANT SELECT, UPDATE (key_id, wrapped_key, rewrapped_at) ON app.data_keys TO ${role_jobs};
GRANT SELECT ON app.data_keys TO ${role_backup};
--rollback DROP TABLE app.data_keys;

--changeset getaways:022-booking-passengers
--comment: who travels on a booking, one row per seat or guest. Date of birth and document number are held only as AES-256-GCM ciphertext under the booking's data key, and the number also as a keyed HMAC (blind index) for exact lookup; names, nationality and the document's type, issuing country and expiry stay clear. The audit images mask the ciphertext and the index all the same
ALTER TABLE app.bookings ADD CONSTRAINT bookings_id_user_key UNIQUE (id, user_id);
CREATE TABLE app.booking_passengers (
  id                       uuid NOT NULL,
  booking_id               uuid NOT NULL,
  user_id                  uuid NOT NULL,
  position                 integer NOT NULL,
  full_name                text NOT NULL,
  nationality              char(2) NOT NULL,
  date_of_birth_enc        bytea NOT NULL,
  document_type            text,
  document_number_enc      bytea,
  document_number_index    bytea,
  document_issuing_country char(2),
  document_expiry          date,
  data_key_id              uuid NOT NULL,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT booking_passengers_pkey PRIMARY KEY (id),
  CONSTRAINT booking_passengers_booking_fkey FOREIGN KEY (booking_id, user_id)
    REFERENCES app.bookings (id, user_id),
  CONSTRAINT booking_passengers_data_key_fkey FOREIGN KEY (data_key_id) REFERENCES app.data_keys (id),
  CONSTRAINT booking_passengers_position_key UNIQUE (booking_id, position),
  CONSTRAINT booking_passengers_position_chk CHECK (position BETWEEN 1 AND 100),
  CONSTRAINT booking_passengers_name_chk CHECK (char_length(full_name) BETWEEN 1 AND 100),
  CONSTRAINT booking_passengers_nationality_chk CHECK (nationality ~ '^[A-Z]{2}$'),
  CONSTRAINT booking_passengers_document_chk CHECK (
    (document_type IS NULL AND document_number_enc IS NULL AND document_number_index IS NULL
       AND document_issuing_country IS NULL AND document_expiry IS NULL)
    OR (document_type IN ('PASSPORT', 'ID_CARD') AND document_number_enc IS NOT NULL
       AND document_number_index IS NOT NULL AND document_issuing_country ~ '^[A-Z]{2}$'
       AND document_expiry IS NOT NULL))
);
CREATE INDEX booking_passengers_user_idx ON app.booking_passengers (user_id);
CREATE INDEX booking_passengers_document_idx ON app.booking_passengers (document_number_index)
  WHERE document_number_index IS NOT NULL;
CREATE INDEX booking_passengers_data_key_idx ON app.booking_passengers (data_key_id);
CREATE TRIGGER booking_passengers_touch BEFORE UPDATE ON app.booking_passengers
  FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER booking_passengers_audit AFTER INSERT OR UPDATE OR DELETE ON app.booking_passengers
  FOR EACH ROW EXECUTE FUNCTION audit.capture('id', 'date_of_birth_enc', 'document_number_enc',
    'document_number_index');
--rollback DROP TABLE app.booking_passengers;
--rollback ALTER TABLE app.bookings DROP CONSTRAINT bookings_id_user_key;

--changeset getaways:022-booking-passengers-security
--comment: as for bookings: a traveller sees and changes only the passengers of their own bookings, admins all; the row's user_id is tied to the booking's owner by the foreign key
ALTER TABLE app.booking_passengers ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.booking_passengers FORCE ROW LEVEL SECURITY;
CREATE POLICY booking_passengers_own ON app.booking_passengers FOR ALL TO ${role_customer}
  USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid))
  WITH CHECK (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY booking_passengers_admin ON app.booking_passengers FOR ALL TO ${role_admin}
  USING (true) WITH CHECK (true);
CREATE POLICY booking_passengers_jobs ON app.booking_passengers FOR SELECT TO ${role_jobs} USING (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON app.booking_passengers TO ${role_customer}, ${role_admin};
GRANT SELECT ON app.booking_passengers TO ${role_jobs}, ${role_backup};
--rollback REVOKE ALL ON app.booking_passengers FROM ${role_customer}, ${role_admin}, ${role_jobs}, ${role_backup};
--rollback DROP POLICY booking_passengers_jobs ON app.booking_passengers;
--rollback DROP POLICY booking_passengers_admin ON app.booking_passengers;
--rollback DROP POLICY booking_passengers_own ON app.booking_passengers;
--rollback ALTER TABLE app.booking_passengers NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE app.booking_passengers DISABLE ROW LEVEL SECURITY;

--changeset getaways:022-passenger-reveals
--comment: each time an admin reads a passenger's document number in clear, one row, audited with the acting admin; appended only, and kept when the traveller later replaces the passenger
CREATE TABLE app.passenger_reveals (
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  passenger_id uuid NOT NULL,
  booking_id   uuid NOT NULL,
  revealed_by  uuid NOT NULL,
  revealed_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT passenger_reveals_pkey PRIMARY KEY (id)
);
CREATE INDEX passenger_reveals_passenger_idx ON app.passenger_reveals (passenger_id);
CREATE TRIGGER passenger_reveals_audit AFTER INSERT OR UPDATE OR DELETE ON app.passenger_reveals
  FOR EACH ROW EXECUTE FUNCTION audit.capture('id');
GRANT SELECT, INSERT ON app.passenger_reveals TO ${role_admin};
GRANT SELECT ON app.passenger_reveals TO ${role_backup};
--rollback DROP TABLE app.passenger_reveals;
