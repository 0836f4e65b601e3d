--liquibase formatted sql

--changeset getaways:024-import-staging-temp splitStatements:false
--comment: bulk imports COPY each batch into a temporary table (ON COMMIT DROP) as the admin role and insert from it set-based, so the admin role may create temporary tables; they are private to the session and gone at commit, and the real tables keep their row-level security, constraints and audit triggers
DO $$
BEGIN
  EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO ${role_admin}', current_database());
END
$$;
--rollback DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM ${role_admin}', current_database()); END $$;
