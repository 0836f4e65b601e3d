--liquibase formatted sql

--changeset getaways:004-system-config
CREATE TABLE system.config (
  key        text NOT NULL,
  value      text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT config_pkey PRIMARY KEY (key)
);
GRANT SELECT, INSERT, UPDATE ON system.config TO ${role_jobs}, ${role_backup};
GRANT SELECT ON system.config TO ${role_app};
--rollback DROP TABLE system.config;
