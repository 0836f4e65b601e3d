--liquibase formatted sql

--changeset getaways:002-roles splitStatements:false
--comment: roles are cluster-wide and may already exist for another database of the same prefix, so creation is conditional
DO $$
DECLARE
  spec text[];
BEGIN
  FOREACH spec SLICE 1 IN ARRAY ARRAY[
      ARRAY['${role_app}', 'NOLOGIN NOINHERIT NOBYPASSRLS'],
      ARRAY['${role_customer}', 'NOLOGIN NOBYPASSRLS'],
      ARRAY['${role_admin}', 'NOLOGIN NOBYPASSRLS'],
      ARRAY['${role_jobs}', 'NOLOGIN NOBYPASSRLS'],
      ARRAY['${role_readonly}', 'NOLOGIN NOBYPASSRLS'],
      ARRAY['${role_auditor}', 'NOLOGIN NOBYPASSRLS'],
      ARRAY['${role_backup}', 'NOLOGIN']]
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = spec[1]) THEN
      EXECUTE format('CREATE ROLE %I %s', spec[1], spec[2]);
    END IF;
  END LOOP;
END
$$;
--rollback DROP ROLE IF EXISTS ${role_auditor};
--rollback DROP ROLE IF EXISTS ${role_readonly};
--rollback DROP ROLE IF EXISTS ${role_jobs};
--rollback DROP ROLE IF EXISTS ${role_admin};
--rollback DROP ROLE IF EXISTS ${role_customer};
--rollback DROP ROLE IF EXISTS ${role_app};

--changeset getaways:002-role-grants splitStatements:false
--comment: the pool role inherits nothing; each transaction switches to the caller's role with SET LOCAL ROLE
DO $$
BEGIN
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${role_app}, ${role_readonly}, ${role_auditor}, ${role_backup}',
                 current_database());
END
$$;
GRANT ${role_customer}, ${role_admin}, ${role_jobs} TO ${role_app};
GRANT USAGE ON SCHEMA app TO ${role_app}, ${role_customer}, ${role_admin}, ${role_jobs}, ${role_readonly}, ${role_backup};
GRANT USAGE ON SCHEMA system TO ${role_app}, ${role_jobs}, ${role_backup};
GRANT USAGE ON SCHEMA audit TO ${role_auditor}, ${role_admin}, ${role_backup};
GRANT USAGE ON SCHEMA public TO ${role_app}, ${role_customer}, ${role_admin}, ${role_jobs}, ${role_readonly}, ${role_auditor}, ${role_backup};
--rollback REVOKE USAGE ON SCHEMA public FROM ${role_app}, ${role_customer}, ${role_admin}, ${role_jobs}, ${role_readonly}, ${role_auditor}, ${role_backup};
--rollback REVOKE USAGE ON SCHEMA audit FROM ${role_auditor}, ${role_admin}, ${role_backup};
--rollback REVOKE USAGE ON SCHEMA system FROM ${role_app}, ${role_jobs}, ${role_backup};
--rollback REVOKE USAGE ON SCHEMA app FROM ${role_app}, ${role_customer}, ${role_admin}, ${role_jobs}, ${role_readonly}, ${role_backup};
--rollback REVOKE ${role_customer}, ${role_admin}, ${role_jobs} FROM ${role_app};
--rollback DO $$ BEGIN EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM ${role_app}, ${role_readonly}, ${role_auditor}, ${role_backup}', current_database()); END $$;
