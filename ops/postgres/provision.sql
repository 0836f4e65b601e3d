-- The one step a PostgreSQL superuser runs once before Getaways' first start against a real server (embedded mode
-- does the same by itself, in PostgresProvisioner): the schema owner, the database it owns, and the backup role
-- (only a superuser may grant BYPASSRLS). Every other role is created by the migrations. Safe to run again; a second
-- run only resets the owner's password.
--
--   psql -h HOST -U postgres -v owner_password="$GETAWAYS_DB_OWNER_PASSWORD" -f ops/postgres/provision.sql
--
-- Optional: -v prefix=getaways (getaways.db.role-prefix), -v database=getaways (the database in the JDBC URL).
\set ON_ERROR_STOP on
\if :{?prefix}
\else
\set prefix getaways
\endif
\if :{?database}
\else
\set database getaways
\endif
\if :{?owner_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'set the schema owner''s password: psql -v owner_password=... -f provision.sql'; END $$;
\endif
\set owner :prefix '_owner'
\set backup :prefix '_backup'

SELECT format(CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner')
                   THEN 'ALTER ROLE %I LOGIN CREATEROLE PASSWORD %L'
                   ELSE 'CREATE ROLE %I LOGIN CREATEROLE PASSWORD %L' END,
              :'owner', :'owner_password') \gexec

SELECT format('CREATE ROLE %I NOLOGIN BYPASSRLS', :'backup')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'backup') \gexec

-- from PostgreSQL 16 on, the owner needs ADMIN on a role to set its password; it gains no privilege
SELECT format('GRANT %I TO %I WITH ADMIN TRUE, INHERIT FALSE, SET FALSE', :'backup', :'owner')
WHERE current_setting('server_version_num')::int >= 160000 \gexec

SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L', :'database', :'owner', 'UTF8')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec

SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database') \gexec
