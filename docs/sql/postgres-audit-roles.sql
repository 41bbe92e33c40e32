-- Kjernebro audit store on PostgreSQL: an owner role that holds the schema, and an application
-- role that may only append and read. See docs/audit-store.md.
--
-- Run as a superuser, connected to the audit database:
--   1. before Kjernebro's first start:        psql -d kjernebro_audit -f postgres-audit-roles.sql
--   2. start Kjernebro once with the DataSource user kjb_audit_owner: it creates (or migrates) the
--      tables, the append-only triggers and the purge function
--   3. run this script again: it grants the application role what the tables need
--   4. switch the DataSource user to kjb_audit_app
-- After an upgrade that brings a schema migration, repeat steps 2 to 4. Safe to run any number
-- of times. Set the passwords separately (ALTER ROLE ... PASSWORD ...); none is stored here.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kjb_audit_owner') THEN
        CREATE ROLE kjb_audit_owner LOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kjb_audit_app') THEN
        CREATE ROLE kjb_audit_app LOGIN;
    END IF;
END $$;

CREATE SCHEMA IF NOT EXISTS kjernebro_audit AUTHORIZATION kjb_audit_owner;
REVOKE ALL ON SCHEMA kjernebro_audit FROM PUBLIC;
GRANT USAGE ON SCHEMA kjernebro_audit TO kjb_audit_app;
ALTER ROLE kjb_audit_owner SET search_path = kjernebro_audit;
ALTER ROLE kjb_audit_app SET search_path = kjernebro_audit;

-- Whatever the owner creates later: the application may read and append, nothing more.
ALTER DEFAULT PRIVILEGES FOR ROLE kjb_audit_owner IN SCHEMA kjernebro_audit
    GRANT SELECT, INSERT ON TABLES TO kjb_audit_app;
ALTER DEFAULT PRIVILEGES FOR ROLE kjb_audit_owner IN SCHEMA kjernebro_audit
    REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- Once the tables exist (after the owner's first start):
--   kjb_audit_record, kjb_audit_checkpoint   SELECT, INSERT only (and the triggers refuse UPDATE,
--                                            DELETE and TRUNCATE even to the owner)
--   kjb_audit_chain_head (global sequence)   + UPDATE: every append moves it under a row lock
--   kjb_audit_chain (one head per chain)     + UPDATE: appends move heads, a purge moves the anchor
--   kjb_audit_outbox                         + UPDATE, DELETE: the forwarder marks and removes rows
--   kjb_audit_purge(chain, through)          EXECUTE: the retention purge, the only way out
DO $$
BEGIN
    IF to_regclass('kjernebro_audit.kjb_audit_chain') IS NOT NULL THEN
        GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA kjernebro_audit TO kjb_audit_app;
        REVOKE UPDATE, DELETE, TRUNCATE ON kjernebro_audit.kjb_audit_record,
            kjernebro_audit.kjb_audit_checkpoint FROM kjb_audit_app;
        GRANT UPDATE ON kjernebro_audit.kjb_audit_chain_head, kjernebro_audit.kjb_audit_chain TO kjb_audit_app;
        GRANT UPDATE, DELETE ON kjernebro_audit.kjb_audit_outbox TO kjb_audit_app;
        REVOKE ALL ON FUNCTION kjernebro_audit.kjb_audit_purge(VARCHAR, BIGINT) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION kjernebro_audit.kjb_audit_purge(VARCHAR, BIGINT) TO kjb_audit_app;
        RAISE NOTICE 'kjb_audit_app granted append and read on the audit tables';
    ELSE
        RAISE NOTICE 'audit tables not created yet: start Kjernebro once as kjb_audit_owner, then run this again';
    END IF;
END $$;
