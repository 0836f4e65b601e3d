--liquibase formatted sql

--changeset getaways:009-system-role splitStatements:false
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role_system}') THEN
    CREATE ROLE ${role_system} NOLOGIN NOBYPASSRLS;
  END IF;
END
$$;
GRANT ${role_system} TO ${role_app};
GRANT USAGE ON SCHEMA system TO ${role_system}, ${role_customer}, ${role_admin};
--rollback REVOKE USAGE ON SCHEMA system FROM ${role_system}, ${role_customer}, ${role_admin};
--rollback REVOKE ${role_system} FROM ${role_app};
--rollback DROP ROLE IF EXISTS ${role_system};

--changeset getaways:009-signing-keys
CREATE TABLE system.signing_keys (
  kid          text NOT NULL,
  algorithm    text NOT NULL,
  public_key   text NOT NULL,
  private_key  text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  retired_at   timestamptz,
  CONSTRAINT signing_keys_pkey PRIMARY KEY (kid),
  CONSTRAINT signing_keys_algorithm_chk CHECK (algorithm IN ('RS256'))
);
CREATE INDEX signing_keys_created_idx ON system.signing_keys (created_at DESC);
CREATE TABLE system.revoked_tokens (
  jti        text NOT NULL,
  expires_at timestamptz NOT NULL,
  CONSTRAINT revoked_tokens_pkey PRIMARY KEY (jti)
);
CREATE INDEX revoked_tokens_expires_idx ON system.revoked_tokens (expires_at);
CREATE TABLE system.login_throttle (
  subject         text NOT NULL,
  failures        integer NOT NULL DEFAULT 0,
  last_failure_at timestamptz NOT NULL DEFAULT now(),
  locked_until    timestamptz,
  CONSTRAINT login_throttle_pkey PRIMARY KEY (subject)
);
CREATE TABLE system.rate_limit_overrides (
  subject           text NOT NULL,
  capacity          integer NOT NULL,
  refill_per_minute integer NOT NULL,
  note              text,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT rate_limit_overrides_pkey PRIMARY KEY (subject),
  CONSTRAINT rate_limit_overrides_subject_chk CHECK (subject ~ '^(user|apikey|ip|client):.+$'),
  CONSTRAINT rate_limit_overrides_values_chk CHECK (capacity > 0 AND refill_per_minute > 0)
);
GRANT SELECT, INSERT, UPDATE ON system.signing_keys TO ${role_system};
GRANT SELECT, INSERT, DELETE ON system.revoked_tokens TO ${role_system};
GRANT SELECT, INSERT, UPDATE, DELETE ON system.login_throttle TO ${role_system};
GRANT SELECT ON system.rate_limit_overrides TO ${role_system};
GRANT SELECT, INSERT, UPDATE, DELETE ON system.rate_limit_overrides TO ${role_admin};
--rollback DROP TABLE system.rate_limit_overrides;
--rollback DROP TABLE system.login_throttle;
--rollback DROP TABLE system.revoked_tokens;
--rollback DROP TABLE system.signing_keys;

--changeset getaways:009-sessions-and-api-keys
CREATE TABLE system.refresh_tokens (
  id         uuid NOT NULL DEFAULT gen_random_uuid(),
  family_id  uuid NOT NULL,
  user_id    uuid NOT NULL,
  token_hash bytea NOT NULL,
  issued_at  timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  revoked_at timestamptz,
  CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id),
  CONSTRAINT refresh_tokens_hash_key UNIQUE (token_hash),
  CONSTRAINT refresh_tokens_user_fkey FOREIGN KEY (user_id) REFERENCES app.users (id) ON DELETE CASCADE
);
CREATE INDEX refresh_tokens_family_idx ON system.refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON system.refresh_tokens (user_id);
CREATE TABLE system.api_keys (
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL,
  name         text NOT NULL,
  prefix       text NOT NULL,
  key_hash     bytea NOT NULL,
  scopes       text[] NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz,
  CONSTRAINT api_keys_pkey PRIMARY KEY (id),
  CONSTRAINT api_keys_prefix_key UNIQUE (prefix),
  CONSTRAINT api_keys_user_fkey FOREIGN KEY (user_id) REFERENCES app.users (id) ON DELETE CASCADE,
  CONSTRAINT api_keys_name_chk CHECK (length(name) BETWEEN 1 AND 80)
);
CREATE INDEX api_keys_user_idx ON system.api_keys (user_id);
ALTER TABLE system.refresh_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE system.refresh_tokens FORCE ROW LEVEL SECURITY;
ALTER TABLE system.api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE system.api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY refresh_tokens_own ON system.refresh_tokens FOR ALL TO ${role_customer}
  USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid))
  WITH CHECK (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY refresh_tokens_admin ON system.refresh_tokens FOR ALL TO ${role_admin} USING (true) WITH CHECK (true);
CREATE POLICY api_keys_own ON system.api_keys FOR ALL TO ${role_customer}
  USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid))
  WITH CHECK (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY api_keys_admin ON system.api_keys FOR ALL TO ${role_admin} USING (true) WITH CHECK (true);
-- the owner's SECURITY DEFINER functions below (refresh rotation, API-key lookup) work before the user is known
CREATE POLICY refresh_tokens_definer_functions ON system.refresh_tokens FOR ALL TO ${role_owner} USING (true) WITH CHECK (true);
CREATE POLICY api_keys_definer_functions ON system.api_keys FOR ALL TO ${role_owner} USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE (used_at, revoked_at) ON system.refresh_tokens TO ${role_customer}, ${role_admin};
GRANT SELECT, INSERT, UPDATE (revoked_at, last_used_at) ON system.api_keys TO ${role_customer}, ${role_admin};
--rollback DROP TABLE system.api_keys;
--rollback DROP TABLE system.refresh_tokens;

--changeset getaways:009-credential-functions splitStatements:false
--comment: refresh and API-key sign-in happen before the user is known; these functions do exactly that step
CREATE FUNCTION system.rotate_refresh_token(p_hash bytea, p_new_hash bytea, p_new_expires_at timestamptz)
RETURNS TABLE (outcome text, user_id uuid, family_id uuid)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  t system.refresh_tokens%ROWTYPE;
BEGIN
  SELECT * INTO t FROM system.refresh_tokens r WHERE r.token_hash = p_hash FOR UPDATE;
  IF NOT FOUND OR t.revoked_at IS NOT NULL OR t.expires_at <= now() THEN
    RETURN QUERY SELECT 'INVALID'::text, t.user_id, t.family_id;
    RETURN;
  END IF;
  IF t.used_at IS NOT NULL THEN
    -- a spent token came back: someone holds a copy, so the whole family dies
    UPDATE system.refresh_tokens r SET revoked_at = now() WHERE r.family_id = t.family_id AND r.revoked_at IS NULL;
    RETURN QUERY SELECT 'REUSED'::text, t.user_id, t.family_id;
    RETURN;
  END IF;
  UPDATE system.refresh_tokens r SET used_at = now() WHERE r.id = t.id;
  INSERT INTO system.refresh_tokens (family_id, user_id, token_hash, expires_at)
  VALUES (t.family_id, t.user_id, p_new_hash, p_new_expires_at);
  RETURN QUERY SELECT 'ROTATED'::text, t.user_id, t.family_id;
END
$$;

CREATE FUNCTION system.api_key_candidate(p_prefix text)
RETURNS TABLE (id uuid, user_id uuid, key_hash bytea, scopes text[], expires_at timestamptz, revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT k.id, k.user_id, k.key_hash, k.scopes, k.expires_at, k.revoked_at FROM system.api_keys k WHERE k.prefix = p_prefix
$$;

CREATE FUNCTION system.touch_api_key(p_id uuid)
RETURNS void
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  UPDATE system.api_keys SET last_used_at = now()
  WHERE id = p_id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
$$;

REVOKE ALL ON FUNCTION system.rotate_refresh_token(bytea, bytea, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION system.api_key_candidate(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION system.touch_api_key(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION system.rotate_refresh_token(bytea, bytea, timestamptz) TO ${role_customer};
GRANT EXECUTE ON FUNCTION system.api_key_candidate(text) TO ${role_customer};
GRANT EXECUTE ON FUNCTION system.touch_api_key(uuid) TO ${role_customer};
--rollback DROP FUNCTION system.touch_api_key(uuid);
--rollback DROP FUNCTION system.api_key_candidate(text);
--rollback DROP FUNCTION system.rotate_refresh_token(bytea, bytea, timestamptz);
