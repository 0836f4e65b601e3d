--liquibase formatted sql

--changeset getaways:023-passkeys
--comment: WebAuthn credentials in the shape of Spring Security's user_credentials table; the user handle is the account's id, so no user_entities table
CREATE TABLE system.passkeys (
  id                           uuid NOT NULL DEFAULT gen_random_uuid(),
  credential_id                bytea NOT NULL,
  user_id                      uuid NOT NULL,
  label                        text NOT NULL,
  public_key                   bytea NOT NULL,
  signature_count              bigint NOT NULL,
  uv_initialized               boolean NOT NULL,
  backup_eligible              boolean NOT NULL,
  backup_state                 boolean NOT NULL,
  transports                   text[] NOT NULL DEFAULT '{}',
  credential_type              text NOT NULL DEFAULT 'public-key',
  attestation_object           bytea NOT NULL,
  attestation_client_data_json bytea NOT NULL,
  created_at                   timestamptz NOT NULL DEFAULT now(),
  last_used_at                 timestamptz,
  CONSTRAINT passkeys_pkey PRIMARY KEY (id),
  CONSTRAINT passkeys_credential_id_key UNIQUE (credential_id),
  CONSTRAINT passkeys_user_fkey FOREIGN KEY (user_id) REFERENCES app.users (id) ON DELETE CASCADE,
  CONSTRAINT passkeys_credential_id_chk CHECK (length(credential_id) BETWEEN 16 AND 1023),
  CONSTRAINT passkeys_label_chk CHECK (length(label) BETWEEN 1 AND 64),
  CONSTRAINT passkeys_signature_count_chk CHECK (signature_count BETWEEN 0 AND 4294967295),
  CONSTRAINT passkeys_type_chk CHECK (credential_type = 'public-key')
);
CREATE INDEX passkeys_user_idx ON system.passkeys (user_id);
ALTER TABLE system.passkeys ENABLE ROW LEVEL SECURITY;
ALTER TABLE system.passkeys FORCE ROW LEVEL SECURITY;
CREATE POLICY passkeys_own ON system.passkeys FOR ALL TO ${role_customer}
  USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid))
  WITH CHECK (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY passkeys_admin ON system.passkeys FOR ALL TO ${role_admin} USING (true) WITH CHECK (true);
-- sign-in looks a credential up and moves its counter before the user is known: the functions below
CREATE POLICY passkeys_definer_functions ON system.passkeys FOR ALL TO ${role_owner} USING (true) WITH CHECK (true);
-- UPDATE (label) also lets a removal lock the owner's rows (SELECT ... FOR UPDATE)
GRANT SELECT, INSERT, DELETE, UPDATE (label) ON system.passkeys TO ${role_customer}, ${role_admin};
CREATE TRIGGER passkeys_audit AFTER INSERT OR UPDATE OR DELETE ON system.passkeys
  FOR EACH ROW EXECUTE FUNCTION audit.capture('id');
--rollback DROP TABLE system.passkeys;

--changeset getaways:023-passkey-functions splitStatements:false
--comment: the sign-in steps that run before the user is known, and nothing more
CREATE FUNCTION system.passkey_for_sign_in(p_credential_id bytea)
RETURNS TABLE (id uuid, credential_id bytea, user_id uuid, label text, public_key bytea, signature_count bigint,
  uv_initialized boolean, backup_eligible boolean, backup_state boolean, transports text[], credential_type text,
  attestation_object bytea, attestation_client_data_json bytea, created_at timestamptz, last_used_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT p.id, p.credential_id, p.user_id, p.label, p.public_key, p.signature_count, p.uv_initialized,
         p.backup_eligible, p.backup_state, p.transports, p.credential_type, p.attestation_object,
         p.attestation_client_data_json, p.created_at, p.last_used_at
  FROM system.passkeys p WHERE p.credential_id = p_credential_id
$$;

-- the counter only moves forward (or stays at zero for authenticators without one); two
-- assertions racing with one counter value cannot both pass, as the row is updated under its lock
CREATE FUNCTION system.record_passkey_use(p_credential_id bytea, p_signature_count bigint, p_backup_state boolean)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  current_count bigint;
BEGIN
  SELECT p.signature_count INTO current_count FROM system.passkeys p
  WHERE p.credential_id = p_credential_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN 'MISSING';
  END IF;
  IF NOT (p_signature_count > current_count OR (p_signature_count = 0 AND current_count = 0)) THEN
    RETURN 'REGRESSED';
  END IF;
  UPDATE system.passkeys SET signature_count = p_signature_count, backup_state = p_backup_state, last_used_at = now()
  WHERE credential_id = p_credential_id;
  RETURN 'RECORDED';
END
$$;

REVOKE ALL ON FUNCTION system.passkey_for_sign_in(bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION system.record_passkey_use(bytea, bigint, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION system.passkey_for_sign_in(bytea) TO ${role_customer}, ${role_admin};
GRANT EXECUTE ON FUNCTION system.record_passkey_use(bytea, bigint, boolean) TO ${role_customer}, ${role_admin};
--rollback DROP FUNCTION system.record_passkey_use(bytea, bigint, boolean);
--rollback DROP FUNCTION system.passkey_for_sign_in(bytea);
