-- A read-only role for Grafana: SELECT on every table and view of this schema, now and later,
-- and nothing else. Created without LOGIN; `cost-tracker db migrate --grafana-password-env VAR`
-- (or an administrator) gives it a login password, so no password is kept in a migration.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'grafana_reader') THEN
    CREATE ROLE grafana_reader NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO grafana_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} TO grafana_reader;
-- tables and views that later migrations create (as the migrating role) are readable too
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema} GRANT SELECT ON TABLES TO grafana_reader;
-- Grafana's queries never need to run long; a runaway panel must not hold the database
ALTER ROLE grafana_reader SET statement_timeout = '30s';
ALTER ROLE grafana_reader SET default_transaction_read_only = on;
