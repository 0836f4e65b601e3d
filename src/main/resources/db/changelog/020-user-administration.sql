--liquibase formatted sql

--changeset getaways:020-password-change-required splitStatements:false
--comment: an operator's password reset makes the next sign-in change the password before any session is issued
ALTER TABLE app.users ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;
GRANT UPDATE (password_change_required) ON app.users TO ${role_customer};
DROP FUNCTION app.login_candidate(text);
CREATE FUNCTION app.login_candidate(p_email text)
RETURNS TABLE (id uuid, password_hash text, status text, password_change_required boolean)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT u.id, u.password_hash, u.status, u.password_change_required
  FROM app.users u
  WHERE u.email = p_email::public.citext
$$;
REVOKE ALL ON FUNCTION app.login_candidate(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.login_candidate(text) TO ${role_customer}, ${role_jobs};
--rollback DROP FUNCTION app.login_candidate(text);
--rollback CREATE FUNCTION app.login_candidate(p_email text)
--rollback RETURNS TABLE (id uuid, password_hash text, status text)
--rollback LANGUAGE sql STABLE SECURITY DEFINER
--rollback SET search_path = pg_catalog, public
--rollback AS $$
--rollback   SELECT u.id, u.password_hash, u.status FROM app.users u WHERE u.email = p_email::public.citext
--rollback $$;
--rollback REVOKE ALL ON FUNCTION app.login_candidate(text) FROM PUBLIC;
--rollback GRANT EXECUTE ON FUNCTION app.login_candidate(text) TO ${role_customer}, ${role_jobs};
--rollback ALTER TABLE app.users DROP COLUMN password_change_required;
