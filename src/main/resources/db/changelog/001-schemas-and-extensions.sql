--liquibase formatted sql

--changeset getaways:001-schemas
CREATE SCHEMA app;
CREATE SCHEMA system;
CREATE SCHEMA audit;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
--rollback DROP SCHEMA audit;
--rollback DROP SCHEMA system;
--rollback DROP SCHEMA app;
--rollback GRANT USAGE ON SCHEMA public TO PUBLIC;

--changeset getaways:001-extensions
--comment: all four are trusted extensions, so the database owner may create them without superuser rights
CREATE EXTENSION IF NOT EXISTS citext SCHEMA public;
CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA public;
--rollback DROP EXTENSION IF EXISTS pgcrypto;
--rollback DROP EXTENSION IF EXISTS pg_trgm;
--rollback DROP EXTENSION IF EXISTS btree_gist;
--rollback DROP EXTENSION IF EXISTS citext;
