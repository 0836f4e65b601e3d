--liquibase formatted sql

--changeset getaways:008-definer-policies
--comment: FORCE row-level security binds the owner too; these policies let only the owner's SECURITY DEFINER functions (nobody logs in as the owner at run time) do the one step each exists for
CREATE POLICY users_definer_functions ON app.users FOR ALL TO ${role_owner} USING (true) WITH CHECK (true);
CREATE POLICY user_roles_definer_functions ON app.user_roles FOR ALL TO ${role_owner} USING (true) WITH CHECK (true);
--rollback DROP POLICY user_roles_definer_functions ON app.user_roles;
--rollback DROP POLICY users_definer_functions ON app.users;

--changeset getaways:008-sign-in-functions splitStatements:false
--comment: what must work before a user is known goes through these narrow functions, never through a role that bypasses row-level security
CREATE FUNCTION app.login_candidate(p_email text)
RETURNS TABLE (id uuid, password_hash text, status text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT u.id, u.password_hash, u.status FROM app.users u WHERE u.email = p_email::public.citext
$$;

-- the caller picks the id, so that its transaction already acts as the new user and the audit log names the
-- registrant as the one who created the account
CREATE FUNCTION app.register_user(p_id uuid, p_email text, p_name text, p_password_hash text, p_role text)
RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
DECLARE
  new_id uuid;
BEGIN
  IF p_role NOT IN ('customer', 'partner') THEN
    RAISE EXCEPTION 'self-registration may not grant role %', p_role USING ERRCODE = '42501';
  END IF;
  INSERT INTO app.users (id, email, name, password_hash)
  VALUES (p_id, p_email::public.citext, p_name, p_password_hash)
  ON CONFLICT (email) DO NOTHING
  RETURNING users.id INTO new_id;
  IF new_id IS NOT NULL THEN
    INSERT INTO app.user_roles (user_id, role) VALUES (new_id, p_role);
  END IF;
  RETURN new_id;
END
$$;

REVOKE ALL ON FUNCTION app.login_candidate(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.register_user(uuid, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.login_candidate(text) TO ${role_customer}, ${role_jobs};
GRANT EXECUTE ON FUNCTION app.register_user(uuid, text, text, text, text) TO ${role_customer};
--rollback DROP FUNCTION app.register_user(uuid, text, text, text, text);
--rollback DROP FUNCTION app.login_candidate(text);
