--liquibase formatted sql

--changeset getaways:010-oauth2-tables
--comment: Spring Authorization Server's JDBC schema, with PostgreSQL types (text for blob, timestamptz for timestamp)
CREATE TABLE system.oauth2_registered_client (
  id                            varchar(100) NOT NULL,
  client_id                     varchar(100) NOT NULL,
  client_id_issued_at           timestamptz NOT NULL DEFAULT now(),
  client_secret                 varchar(200),
  client_secret_expires_at      timestamptz,
  client_name                   varchar(200) NOT NULL,
  client_authentication_methods varchar(1000) NOT NULL,
  authorization_grant_types     varchar(1000) NOT NULL,
  redirect_uris                 varchar(1000),
  post_logout_redirect_uris     varchar(1000),
  scopes                        varchar(1000) NOT NULL,
  client_settings               varchar(2000) NOT NULL,
  token_settings                varchar(2000) NOT NULL,
  CONSTRAINT oauth2_registered_client_pkey PRIMARY KEY (id),
  CONSTRAINT oauth2_registered_client_client_id_key UNIQUE (client_id)
);
CREATE TABLE system.oauth2_authorization (
  id                            varchar(100) NOT NULL,
  registered_client_id          varchar(100) NOT NULL,
  principal_name                varchar(200) NOT NULL,
  authorization_grant_type      varchar(100) NOT NULL,
  authorized_scopes             varchar(1000),
  attributes                    text,
  state                         varchar(500),
  authorization_code_value      text,
  authorization_code_issued_at  timestamptz,
  authorization_code_expires_at timestamptz,
  authorization_code_metadata   text,
  access_token_value            text,
  access_token_issued_at        timestamptz,
  access_token_expires_at       timestamptz,
  access_token_metadata         text,
  access_token_type             varchar(100),
  access_token_scopes           varchar(1000),
  oidc_id_token_value           text,
  oidc_id_token_issued_at       timestamptz,
  oidc_id_token_expires_at      timestamptz,
  oidc_id_token_metadata        text,
  refresh_token_value           text,
  refresh_token_issued_at       timestamptz,
  refresh_token_expires_at      timestamptz,
  refresh_token_metadata        text,
  user_code_value               text,
  user_code_issued_at           timestamptz,
  user_code_expires_at          timestamptz,
  user_code_metadata            text,
  device_code_value             text,
  device_code_issued_at         timestamptz,
  device_code_expires_at        timestamptz,
  device_code_metadata          text,
  CONSTRAINT oauth2_authorization_pkey PRIMARY KEY (id)
);
CREATE INDEX oauth2_authorization_client_idx ON system.oauth2_authorization (registered_client_id);
CREATE INDEX oauth2_authorization_access_token_expires_idx ON system.oauth2_authorization (access_token_expires_at);
CREATE TABLE system.oauth2_authorization_consent (
  registered_client_id varchar(100) NOT NULL,
  principal_name       varchar(200) NOT NULL,
  authorities          varchar(1000) NOT NULL,
  CONSTRAINT oauth2_authorization_consent_pkey PRIMARY KEY (registered_client_id, principal_name)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON system.oauth2_registered_client, system.oauth2_authorization,
  system.oauth2_authorization_consent TO ${role_app}, ${role_system};
GRANT SELECT, INSERT, UPDATE, DELETE ON system.oauth2_registered_client TO ${role_admin};
--rollback DROP TABLE system.oauth2_authorization_consent;
--rollback DROP TABLE system.oauth2_authorization;
--rollback DROP TABLE system.oauth2_registered_client;

--changeset getaways:010-app-search-path splitStatements:false
--comment: Spring Authorization Server names its tables without a schema; every query of our own names one
DO $$
BEGIN
  EXECUTE format('ALTER ROLE ${role_app} IN DATABASE %I SET search_path = "$user", public, system', current_database());
END
$$;
--rollback DO $$ BEGIN EXECUTE format('ALTER ROLE ${role_app} IN DATABASE %I RESET search_path', current_database()); END $$;
