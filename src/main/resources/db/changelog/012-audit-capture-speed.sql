--liquibase formatted sql

--changeset getaways:012-audit-content-hash-text splitStatements:false rollbackSplitStatements:false
--comment: the same canonical text as before, byte for byte, so every entry already written still verifies; the row images are no longer copied into a new array only to be printed again. The text is '[' + the six leading fields + ', ' + old_row + ', ' + new_row + ', ' + the five trailing fields + ']', as jsonb prints an array. Every name is qualified because this function runs under the caller's search_path
CREATE OR REPLACE FUNCTION audit.content_hash(entry audit.log) RETURNS pg_catalog.bytea
LANGUAGE sql STABLE
AS $$
  SELECT public.digest(
    pg_catalog.rtrim(pg_catalog.jsonb_build_array(
        entry.id, (EXTRACT(epoch FROM entry.occurred_at) OPERATOR(pg_catalog.*) 1000000)::pg_catalog.int8,
        entry.txid::pg_catalog.text, entry.table_name, entry.record_id, entry.operation)::pg_catalog.text, ']')
      OPERATOR(pg_catalog.||) ', ' OPERATOR(pg_catalog.||) coalesce(entry.old_row::pg_catalog.text, 'null')
      OPERATOR(pg_catalog.||) ', ' OPERATOR(pg_catalog.||) coalesce(entry.new_row::pg_catalog.text, 'null')
      OPERATOR(pg_catalog.||) ', ' OPERATOR(pg_catalog.||) pg_catalog.ltrim(pg_catalog.jsonb_build_array(
        entry.actor_user_id, entry.actor, entry.client_ip, entry.user_agent, entry.request_id)::pg_catalog.text, '['),
    'sha256'::pg_catalog.text)
$$;
--rollback CREATE OR REPLACE FUNCTION audit.content_hash(entry audit.log) RETURNS bytea
--rollback LANGUAGE sql STABLE
--rollback AS $$
--rollback   SELECT public.digest(jsonb_build_array(
--rollback       entry.id, (extract(epoch FROM entry.occurred_at) * 1000000)::bigint, entry.txid::text, entry.table_name,
--rollback       entry.record_id, entry.operation, entry.old_row, entry.new_row, entry.actor_user_id, entry.actor,
--rollback       entry.client_ip, entry.user_agent, entry.request_id)::text, 'sha256')
--rollback $$;

--changeset getaways:012-audit-capture-fewer-statements splitStatements:false rollbackSplitStatements:false
--comment: every expression of a PL/pgSQL function is prepared again in each transaction, and an audited transaction usually changes one row, so each statement avoided is paid once per audited write. OLD is null in INSERT and NEW in DELETE triggers, so the images need no branch; the argument checks run only when no record id was found; the transaction id is taken by a plain assignment (not a PERFORM query) before the entry takes its id, and stored as it is
CREATE OR REPLACE FUNCTION audit.capture() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  -- the transaction id must exist before the entry takes its id: audit.seal() relies on that order
  v_txid xid8 := pg_current_xact_id();
  v_old jsonb := to_jsonb(OLD);
  v_new jsonb := to_jsonb(NEW);
  v_record_id text := coalesce(v_new, v_old) ->> TG_ARGV[0];
BEGIN
  IF v_record_id IS NULL THEN
    IF TG_NARGS < 1 THEN
      RAISE EXCEPTION 'audit.capture() on %.% needs the record id column as its first argument',
        TG_TABLE_SCHEMA, TG_TABLE_NAME;
    ELSIF NOT coalesce(v_new, v_old) ? TG_ARGV[0] THEN
      RAISE EXCEPTION 'audit.capture() on %.%: no column %', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_ARGV[0];
    END IF;
  END IF;
  -- most audited tables hold no secret, and this trigger runs in every audited write
  IF TG_NARGS > 1 THEN
    v_old := audit.mask(v_old, TG_ARGV[1:TG_NARGS - 1]);
    v_new := audit.mask(v_new, TG_ARGV[1:TG_NARGS - 1]);
  END IF;
  INSERT INTO audit.log (txid, table_name, record_id, operation, old_row, new_row,
                         actor_user_id, actor, client_ip, user_agent, request_id)
  VALUES (v_txid, TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, v_record_id, TG_OP, v_old, v_new,
          nullif(current_setting('app.user_id', true), ''), nullif(current_setting('app.actor', true), ''),
          nullif(current_setting('app.client_ip', true), ''), nullif(current_setting('app.user_agent', true), ''),
          nullif(current_setting('app.request_id', true), ''));
  RETURN NULL;
END
$$;
--rollback CREATE OR REPLACE FUNCTION audit.capture() RETURNS trigger
--rollback LANGUAGE plpgsql SECURITY DEFINER
--rollback SET search_path = pg_catalog, public
--rollback AS $$
--rollback DECLARE
--rollback   v_old jsonb;
--rollback   v_new jsonb;
--rollback   v_record_id text;
--rollback BEGIN
--rollback   IF TG_NARGS < 1 THEN
--rollback     RAISE EXCEPTION 'audit.capture() on %.% needs the record id column as its first argument',
--rollback       TG_TABLE_SCHEMA, TG_TABLE_NAME;
--rollback   END IF;
--rollback   IF TG_OP <> 'INSERT' THEN
--rollback     v_old := to_jsonb(OLD);
--rollback   END IF;
--rollback   IF TG_OP <> 'DELETE' THEN
--rollback     v_new := to_jsonb(NEW);
--rollback   END IF;
--rollback   IF NOT coalesce(v_new, v_old) ? TG_ARGV[0] THEN
--rollback     RAISE EXCEPTION 'audit.capture() on %.%: no column %', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_ARGV[0];
--rollback   END IF;
--rollback   v_record_id := coalesce(v_new, v_old) ->> TG_ARGV[0];
--rollback   -- most audited tables hold no secret, and this trigger runs in every audited write
--rollback   IF TG_NARGS > 1 THEN
--rollback     v_old := audit.mask(v_old, TG_ARGV[1:TG_NARGS - 1]);
--rollback     v_new := audit.mask(v_new, TG_ARGV[1:TG_NARGS - 1]);
--rollback   END IF;
--rollback   -- the transaction id must exist before the entry takes its id: audit.seal() relies on that order
--rollback   PERFORM pg_current_xact_id();
--rollback   INSERT INTO audit.log (table_name, record_id, operation, old_row, new_row,
--rollback                          actor_user_id, actor, client_ip, user_agent, request_id)
--rollback   VALUES (TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, v_record_id, TG_OP, v_old, v_new,
--rollback           nullif(current_setting('app.user_id', true), ''), nullif(current_setting('app.actor', true), ''),
--rollback           nullif(current_setting('app.client_ip', true), ''), nullif(current_setting('app.user_agent', true), ''),
--rollback           nullif(current_setting('app.request_id', true), ''));
--rollback   RETURN NULL;
--rollback END
--rollback $$;
