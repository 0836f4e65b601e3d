--liquibase formatted sql

--changeset getaways:025-erasure splitStatements:false
--comment: erasure replaces an account's personal fields and keeps the row, so bookings and payments still name an owner; a traveller erases only their own account, through a narrow definer function, since the customer role may not change an email or a status
ALTER TABLE app.users ADD COLUMN erased_at timestamptz;
CREATE FUNCTION app.erase_account(p_user uuid)
RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  WITH erased AS (
    UPDATE app.users
    SET email = 'erased-' || id || '@erased.invalid',
        name = 'Erased traveller',
        password_hash = '!erased',
        status = 'DISABLED',
        password_change_required = false,
        erased_at = now(),
        updated_at = now()
    WHERE id = p_user AND erased_at IS NULL
    RETURNING id
  )
  SELECT count(*) = 1 FROM erased
$$;
REVOKE ALL ON FUNCTION app.erase_account(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.erase_account(uuid) TO ${role_admin};
CREATE FUNCTION app.erase_own_account()
RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
  SELECT app.erase_account(nullif(current_setting('app.user_id', true), '')::uuid)
$$;
REVOKE ALL ON FUNCTION app.erase_own_account() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.erase_own_account() TO ${role_customer};
GRANT UPDATE (body) ON app.reviews TO ${role_admin};
--rollback REVOKE UPDATE (body) ON app.reviews FROM ${role_admin};
--rollback DROP FUNCTION app.erase_own_account();
--rollback DROP FUNCTION app.erase_account(uuid);
--rollback ALTER TABLE app.users DROP COLUMN erased_at;
