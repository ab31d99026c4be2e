-- Misemori's database roles and schemas.
--
-- Three roles, each with the least it needs:
--   the owner (whoever runs these migrations)  owns every object; used only by Flyway.
--   misemori_app       the runtime role: DML on the tables it is granted, nothing else.
--                      Not a superuser, no BYPASSRLS, not a member of the owner, so
--                      an injected statement can neither run DDL nor SET ROLE away.
--   misemori_operator  the cross-shop role (operator console, incident scope): the one
--                      explicit path across shops; the application audits each use.
--
-- Roles are cluster-wide, so they are created once and idempotently: several Misemori
-- databases (tests, staging) may share one PostgreSQL cluster.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'misemori_app') THEN
        CREATE ROLE misemori_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'misemori_operator') THEN
        CREATE ROLE misemori_operator LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    END IF;
END
$$;

-- Nobody but the owner may create schemas or temporary tables in this database.
DO $$
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO misemori_app, misemori_operator', current_database());
END
$$;
REVOKE ALL ON SCHEMA public FROM PUBLIC;

-- One schema per module that owns tables.
CREATE SCHEMA platform;
CREATE SCHEMA identity;
CREATE SCHEMA audit;

GRANT USAGE ON SCHEMA platform, audit TO misemori_app;
GRANT USAGE ON SCHEMA platform, identity, audit TO misemori_operator;

-- pgcrypto for the HMAC that guards the tenant setting (see V2).
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA platform;
