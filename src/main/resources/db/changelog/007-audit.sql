--liquibase formatted sql

--changeset getaways:007-audit-log
--comment: one entry per audited row change or event; content_hash covers every other column and is set by a trigger
-- CACHE 1 is deliberate: audit.seal() takes the sequence's last value for the highest id handed out so far
CREATE TABLE audit.log (
  id            bigint GENERATED ALWAYS AS IDENTITY (CACHE 1),
  occurred_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  txid          xid8 NOT NULL DEFAULT pg_current_xact_id(),
  table_name    text NOT NULL,
  record_id     text,
  operation     text NOT NULL,
  old_row       jsonb,
  new_row       jsonb,
  actor_user_id text,
  actor         text,
  client_ip     text,
  user_agent    text,
  request_id    text,
  content_hash  bytea NOT NULL,
  CONSTRAINT log_pkey PRIMARY KEY (id),
  CONSTRAINT log_operation_chk CHECK (operation ~ '^[A-Z][A-Z0-9_]{1,39}$')
);
CREATE INDEX log_table_record_idx ON audit.log (table_name, record_id, id);
CREATE INDEX log_actor_user_idx ON audit.log (actor_user_id, id) WHERE actor_user_id IS NOT NULL;
-- entries arrive in time order, so a block range index serves time filters at a fraction of a b-tree's write cost
CREATE INDEX log_occurred_at_idx ON audit.log USING brin (occurred_at);
--rollback DROP TABLE audit.log;

--changeset getaways:007-audit-chain
--comment: the hash chain lives apart from the log so writers never wait for each other; the sealer appends to it later
CREATE TABLE audit.chain (
  log_id     bigint NOT NULL,
  prev_hash  bytea,
  chain_hash bytea NOT NULL,
  sealed_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT chain_pkey PRIMARY KEY (log_id),
  CONSTRAINT chain_log_fkey FOREIGN KEY (log_id) REFERENCES audit.log (id)
);
-- bookkeeping, not evidence: how far the log reached when a sealer last looked, and that sealer's transaction id
CREATE TABLE audit.seal_horizon (
  singleton    boolean NOT NULL DEFAULT true,
  max_log_id   bigint NOT NULL,
  noted_by_xid xid8 NOT NULL,
  noted_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT seal_horizon_pkey PRIMARY KEY (singleton),
  CONSTRAINT seal_horizon_singleton_chk CHECK (singleton)
);
INSERT INTO audit.seal_horizon (max_log_id, noted_by_xid) VALUES (0, '0');
--rollback DROP TABLE audit.seal_horizon;
--rollback DROP TABLE audit.chain;

--changeset getaways:007-audit-append-only splitStatements:false
--comment: privileges keep every role from changing the log; the triggers stop even the owner until it disables them
CREATE FUNCTION audit.reject_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
BEGIN
  RAISE EXCEPTION '%.% is append-only: % rejected', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER log_append_only BEFORE UPDATE OR DELETE ON audit.log
  FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER log_no_truncate BEFORE TRUNCATE ON audit.log
  FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER chain_append_only BEFORE UPDATE OR DELETE ON audit.chain
  FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
CREATE TRIGGER chain_no_truncate BEFORE TRUNCATE ON audit.chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();
REVOKE ALL ON audit.log, audit.chain, audit.seal_horizon FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit.log, audit.chain
  FROM ${role_app}, ${role_customer}, ${role_admin}, ${role_jobs}, ${role_readonly}, ${role_auditor}, ${role_backup};
-- the owner keeps UPDATE on audit.log only because the chain's foreign key check locks log rows FOR KEY SHARE
REVOKE DELETE, TRUNCATE ON audit.log FROM ${role_owner};
REVOKE UPDATE, DELETE, TRUNCATE ON audit.chain FROM ${role_owner};
--rollback GRANT UPDATE, DELETE, TRUNCATE ON audit.chain TO ${role_owner};
--rollback GRANT DELETE, TRUNCATE ON audit.log TO ${role_owner};
--rollback DROP TRIGGER chain_no_truncate ON audit.chain;
--rollback DROP TRIGGER chain_append_only ON audit.chain;
--rollback DROP TRIGGER log_no_truncate ON audit.log;
--rollback DROP TRIGGER log_append_only ON audit.log;
--rollback DROP FUNCTION audit.reject_change();

--changeset getaways:007-audit-content-hash splitStatements:false
--comment: one canonical text of every content column, shared by the insert trigger and by verification; the time is in microseconds since the epoch so that no session setting changes the text. These helpers run in every audited write, so they carry no SET clause, which would stop PostgreSQL from inlining them; they name every object outside pg_catalog with its schema instead
CREATE FUNCTION audit.content_hash(entry audit.log) RETURNS bytea
LANGUAGE sql STABLE
AS $$
  SELECT public.digest(jsonb_build_array(
      entry.id, (extract(epoch FROM entry.occurred_at) * 1000000)::bigint, entry.txid::text, entry.table_name,
      entry.record_id, entry.operation, entry.old_row, entry.new_row, entry.actor_user_id, entry.actor,
      entry.client_ip, entry.user_agent, entry.request_id)::text, 'sha256')
$$;
CREATE FUNCTION audit.hash_entry() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.content_hash := audit.content_hash(NEW);
  RETURN NEW;
END
$$;
CREATE TRIGGER log_content_hash BEFORE INSERT ON audit.log
  FOR EACH ROW EXECUTE FUNCTION audit.hash_entry();
CREATE FUNCTION audit.mask(row_image jsonb, secret_columns text[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE
AS $$
  SELECT row_image || coalesce((SELECT jsonb_object_agg(name, '"***"'::jsonb)
                                FROM unnest(secret_columns) AS name
                                WHERE row_image -> name IS NOT NULL AND row_image -> name <> 'null'::jsonb), '{}')
$$;
REVOKE ALL ON FUNCTION audit.content_hash(audit.log), audit.hash_entry(), audit.mask(jsonb, text[]) FROM PUBLIC;
--rollback DROP FUNCTION audit.mask(jsonb, text[]);
--rollback DROP TRIGGER log_content_hash ON audit.log;
--rollback DROP FUNCTION audit.hash_entry();
--rollback DROP FUNCTION audit.content_hash(audit.log);

--changeset getaways:007-audit-capture splitStatements:false
--comment: trigger arguments: the first names the column that identifies the record (id or code); every further one names a secret column written as "***". Attach with CREATE TRIGGER <table>_audit AFTER INSERT OR UPDATE OR DELETE ON <table> FOR EACH ROW EXECUTE FUNCTION audit.capture('id', 'password_hash')
CREATE FUNCTION audit.capture() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  v_old jsonb;
  v_new jsonb;
  v_record_id text;
BEGIN
  IF TG_NARGS < 1 THEN
    RAISE EXCEPTION 'audit.capture() on %.% needs the record id column as its first argument',
      TG_TABLE_SCHEMA, TG_TABLE_NAME;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    v_old := to_jsonb(OLD);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_new := to_jsonb(NEW);
  END IF;
  IF NOT coalesce(v_new, v_old) ? TG_ARGV[0] THEN
    RAISE EXCEPTION 'audit.capture() on %.%: no column %', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_ARGV[0];
  END IF;
  v_record_id := coalesce(v_new, v_old) ->> TG_ARGV[0];
  -- most audited tables hold no secret, and this trigger runs in every audited write
  IF TG_NARGS > 1 THEN
    v_old := audit.mask(v_old, TG_ARGV[1:TG_NARGS - 1]);
    v_new := audit.mask(v_new, TG_ARGV[1:TG_NARGS - 1]);
  END IF;
  -- the transaction id must exist before the entry takes its id: audit.seal() relies on that order
  PERFORM pg_current_xact_id();
  INSERT INTO audit.log (table_name, record_id, operation, old_row, new_row,
                         actor_user_id, actor, client_ip, user_agent, request_id)
  VALUES (TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, v_record_id, TG_OP, v_old, v_new,
          nullif(current_setting('app.user_id', true), ''), nullif(current_setting('app.actor', true), ''),
          nullif(current_setting('app.client_ip', true), ''), nullif(current_setting('app.user_agent', true), ''),
          nullif(current_setting('app.request_id', true), ''));
  RETURN NULL;
END
$$;
CREATE FUNCTION audit.record_event(kind text, record_id text, details jsonb) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  v_id bigint;
BEGIN
  IF kind IS NULL OR kind !~ '^[A-Z][A-Z0-9_]{1,39}$' OR kind IN ('INSERT', 'UPDATE', 'DELETE') THEN
    RAISE EXCEPTION 'audit event kind must be upper-case words joined by underscores other than INSERT, UPDATE and DELETE, such as LOGIN_SUCCESS, but was %',
      coalesce(quote_literal(kind), 'null') USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- the transaction id must exist before the entry takes its id: audit.seal() relies on that order
  PERFORM pg_current_xact_id();
  INSERT INTO audit.log (table_name, record_id, operation, new_row,
                         actor_user_id, actor, client_ip, user_agent, request_id)
  VALUES ('events', record_event.record_id, kind,
          audit.mask(details, ARRAY['password', 'password_hash', 'key_hash', 'token', 'token_hash', 'private_key',
                                    'client_secret', 'secret']),
          nullif(current_setting('app.user_id', true), ''), nullif(current_setting('app.actor', true), ''),
          nullif(current_setting('app.client_ip', true), ''), nullif(current_setting('app.user_agent', true), ''),
          nullif(current_setting('app.request_id', true), ''))
  RETURNING id INTO v_id;
  RETURN v_id;
END
$$;
REVOKE ALL ON FUNCTION audit.capture(), audit.record_event(text, text, jsonb) FROM PUBLIC;
--rollback DROP FUNCTION audit.record_event(text, text, jsonb);
--rollback DROP FUNCTION audit.capture();

--changeset getaways:007-audit-seal splitStatements:false
--comment: chains entries in id order without making writers wait; see the audit module's package documentation
CREATE FUNCTION audit.seal(max_entries integer DEFAULT 10000) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  v_horizon audit.seal_horizon;
  v_next_max_id bigint;
  v_my_xid xid8;
  v_xmin xid8;
  v_prev bytea;
  v_tail bigint;
  v_entry record;
  v_hash bytea;
  v_sealed integer := 0;
  v_complete boolean := true;
BEGIN
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION 'audit.seal() must run before any write of its transaction'
      USING ERRCODE = 'active_sql_transaction';
  END IF;
  -- one sealer at a time, per database; writers never take this lock
  PERFORM pg_advisory_xact_lock(700701);
  -- an entry takes its id only after its transaction has an id, so every transaction holding an id up to
  -- v_next_max_id has a transaction id below v_my_xid, which is taken next
  v_next_max_id := coalesce(pg_sequence_last_value(pg_get_serial_sequence('audit.log', 'id')::regclass), 0);
  v_my_xid := pg_current_xact_id();
  v_xmin := pg_snapshot_xmin(pg_current_snapshot());
  SELECT * INTO v_horizon FROM audit.seal_horizon;
  IF v_horizon.noted_by_xid >= v_xmin THEN
    -- a transaction that may still hold an id up to the noted maximum is open: sealing past it could skip its entry
    RETURN 0;
  END IF;
  SELECT log_id, chain_hash INTO v_tail, v_prev FROM audit.chain ORDER BY log_id DESC LIMIT 1;
  FOR v_entry IN
    SELECT id, txid, content_hash
    FROM audit.log
    WHERE id > coalesce(v_tail, 0)
      AND id <= v_horizon.max_log_id
    ORDER BY id
  LOOP
    IF v_sealed >= max_entries OR v_entry.txid >= v_xmin THEN
      v_complete := false;
      EXIT;
    END IF;
    v_hash := public.digest(coalesce(v_prev, ''::bytea) || v_entry.content_hash, 'sha256');
    INSERT INTO audit.chain (log_id, prev_hash, chain_hash) VALUES (v_entry.id, v_prev, v_hash);
    v_prev := v_hash;
    v_sealed := v_sealed + 1;
  END LOOP;
  IF v_complete THEN
    UPDATE audit.seal_horizon SET max_log_id = v_next_max_id, noted_by_xid = v_my_xid, noted_at = clock_timestamp();
  END IF;
  RETURN v_sealed;
END
$$;
REVOKE ALL ON FUNCTION audit.seal(integer) FROM PUBLIC;
--rollback DROP FUNCTION audit.seal(integer);

--changeset getaways:007-audit-trips
--comment: trips are identified by their code; they hold no secret column
CREATE TRIGGER trips_audit AFTER INSERT OR UPDATE OR DELETE ON app.trips
  FOR EACH ROW EXECUTE FUNCTION audit.capture('code');
--rollback DROP TRIGGER trips_audit ON app.trips;

--changeset getaways:007-audit-grants
--comment: only auditors and admins read the log; every role may record events; the pool may switch to the auditor role
GRANT SELECT ON audit.log, audit.chain TO ${role_auditor}, ${role_admin};
GRANT EXECUTE ON FUNCTION audit.content_hash(audit.log) TO ${role_auditor}, ${role_admin};
GRANT USAGE ON SCHEMA audit TO ${role_customer}, ${role_jobs};
GRANT EXECUTE ON FUNCTION audit.record_event(text, text, jsonb) TO ${role_customer}, ${role_admin}, ${role_jobs};
GRANT EXECUTE ON FUNCTION audit.seal(integer) TO ${role_jobs};
GRANT ${role_auditor} TO ${role_app};
--rollback REVOKE ${role_auditor} FROM ${role_app};
--rollback REVOKE EXECUTE ON FUNCTION audit.seal(integer) FROM ${role_jobs};
--rollback REVOKE EXECUTE ON FUNCTION audit.record_event(text, text, jsonb) FROM ${role_customer}, ${role_admin}, ${role_jobs};
--rollback REVOKE USAGE ON SCHEMA audit FROM ${role_customer}, ${role_jobs};
--rollback REVOKE EXECUTE ON FUNCTION audit.content_hash(audit.log) FROM ${role_auditor}, ${role_admin};
--rollback REVOKE SELECT ON audit.log, audit.chain FROM ${role_auditor}, ${role_admin};
