--liquibase formatted sql

--changeset getaways:006-users
CREATE TABLE app.users (
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  email         citext NOT NULL,
  name          text NOT NULL,
  password_hash text NOT NULL,
  status        text NOT NULL DEFAULT 'ACTIVE',
  last_login_at timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_pkey PRIMARY KEY (id),
  CONSTRAINT users_email_key UNIQUE (email),
  CONSTRAINT users_email_chk CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
  CONSTRAINT users_name_chk CHECK (length(name) BETWEEN 1 AND 100),
  CONSTRAINT users_status_chk CHECK (status IN ('ACTIVE', 'DISABLED'))
);
--rollback DROP TABLE app.users;

--changeset getaways:006-roles-and-permissions
CREATE TABLE app.roles (
  name        text NOT NULL,
  description text NOT NULL,
  CONSTRAINT roles_pkey PRIMARY KEY (name),
  CONSTRAINT roles_name_chk CHECK (name ~ '^[a-z]{3,20}$')
);
CREATE TABLE app.permissions (
  name        text NOT NULL,
  description text NOT NULL,
  CONSTRAINT permissions_pkey PRIMARY KEY (name),
  CONSTRAINT permissions_name_chk CHECK (name ~ '^[a-z]+(:[a-z-]+)+$')
);
CREATE TABLE app.role_permissions (
  role       text NOT NULL,
  permission text NOT NULL,
  CONSTRAINT role_permissions_pkey PRIMARY KEY (role, permission),
  CONSTRAINT role_permissions_role_fkey FOREIGN KEY (role) REFERENCES app.roles (name) ON DELETE CASCADE,
  CONSTRAINT role_permissions_permission_fkey FOREIGN KEY (permission) REFERENCES app.permissions (name) ON DELETE CASCADE
);
CREATE TABLE app.user_roles (
  user_id    uuid NOT NULL,
  role       text NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  granted_by uuid,
  CONSTRAINT user_roles_pkey PRIMARY KEY (user_id, role),
  CONSTRAINT user_roles_user_fkey FOREIGN KEY (user_id) REFERENCES app.users (id) ON DELETE CASCADE,
  CONSTRAINT user_roles_role_fkey FOREIGN KEY (role) REFERENCES app.roles (name)
);
CREATE INDEX user_roles_role_idx ON app.user_roles (role);
--rollback DROP TABLE app.user_roles;
--rollback DROP TABLE app.role_permissions;
--rollback DROP TABLE app.permissions;
--rollback DROP TABLE app.roles;

--changeset getaways:006-role-data
INSERT INTO app.roles (name, description) VALUES
  ('customer', 'Traveller: browses, books, pays, reviews'),
  ('admin', 'Manages the catalog, users and roles; reads the audit trail'),
  ('auditor', 'Reads the audit trail'),
  ('partner', 'Integrates through API keys or OAuth2 clients');
INSERT INTO app.permissions (name, description) VALUES
  ('catalog:read', 'Read trips and stays'),
  ('catalog:write', 'Create and change trips and stays'),
  ('booking:own', 'Book, pay and cancel own bookings'),
  ('booking:all', 'Read and manage every booking'),
  ('review:write', 'Review completed trips and stays'),
  ('users:manage', 'Read users, grant and revoke roles'),
  ('audit:read', 'Read the audit log'),
  ('apikeys:own', 'Create, list and revoke own API keys');
INSERT INTO app.role_permissions (role, permission) VALUES
  ('customer', 'catalog:read'), ('customer', 'booking:own'), ('customer', 'review:write'),
  ('customer', 'apikeys:own'),
  ('admin', 'catalog:read'), ('admin', 'catalog:write'), ('admin', 'booking:all'), ('admin', 'users:manage'),
  ('admin', 'audit:read'), ('admin', 'apikeys:own'),
  ('auditor', 'catalog:read'), ('auditor', 'audit:read'),
  ('partner', 'catalog:read'), ('partner', 'booking:own'), ('partner', 'apikeys:own');
--rollback DELETE FROM app.role_permissions;
--rollback DELETE FROM app.permissions;
--rollback DELETE FROM app.roles;

--changeset getaways:006-users-security
--comment: a user sees and changes only their own row; admins see all; no context means no rows
ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.users FORCE ROW LEVEL SECURITY;
ALTER TABLE app.user_roles ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.user_roles FORCE ROW LEVEL SECURITY;
CREATE POLICY users_own ON app.users FOR ALL TO ${role_customer}
  USING (id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid))
  WITH CHECK (id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY users_admin ON app.users FOR ALL TO ${role_admin} USING (true) WITH CHECK (true);
CREATE POLICY user_roles_own ON app.user_roles FOR SELECT TO ${role_customer}
  USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid));
CREATE POLICY user_roles_admin ON app.user_roles FOR ALL TO ${role_admin} USING (true) WITH CHECK (true);
GRANT SELECT, UPDATE (name, password_hash, last_login_at, updated_at) ON app.users TO ${role_customer};
GRANT SELECT, INSERT, UPDATE, DELETE ON app.users TO ${role_admin};
GRANT SELECT ON app.user_roles TO ${role_customer};
GRANT SELECT, INSERT, DELETE ON app.user_roles TO ${role_admin};
GRANT SELECT ON app.roles, app.permissions, app.role_permissions TO ${role_customer}, ${role_admin}, ${role_jobs};
--rollback REVOKE ALL ON app.roles, app.permissions, app.role_permissions FROM ${role_customer}, ${role_admin}, ${role_jobs};
--rollback REVOKE ALL ON app.user_roles FROM ${role_customer}, ${role_admin};
--rollback REVOKE ALL ON app.users FROM ${role_customer}, ${role_admin};
--rollback DROP POLICY user_roles_admin ON app.user_roles;
--rollback DROP POLICY user_roles_own ON app.user_roles;
--rollback DROP POLICY users_admin ON app.users;
--rollback DROP POLICY users_own ON app.users;
--rollback ALTER TABLE app.user_roles NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE app.user_roles DISABLE ROW LEVEL SECURITY;
--rollback ALTER TABLE app.users NO FORCE ROW LEVEL SECURITY;
--rollback ALTER TABLE app.users DISABLE ROW LEVEL SECURITY;
