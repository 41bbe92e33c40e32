package no.kjernebro.audit.internal;

import static no.kjernebro.audit.internal.AuditSchema.CODE;
import static no.kjernebro.audit.internal.AuditSchema.ID;
import static no.kjernebro.audit.internal.AuditSchema.LAST_ERROR;
import static no.kjernebro.audit.internal.AuditSchema.NAME;
import static no.kjernebro.audit.internal.AuditSchema.REASON;
import static no.kjernebro.audit.internal.AuditSchema.SECTIONS;
import static no.kjernebro.audit.internal.Migration.postgresOnly;
import static no.kjernebro.audit.internal.Migration.sql;

import java.util.List;

/**
 * Every schema version, oldest first. A released migration is never edited: changes go into a new
 * one. docs/audit-store.md describes the resulting schema.
 */
final class AuditMigrations {

    /** Version 1: the walking skeleton's schema, one global chain whose head is row 1 of kjb_audit_chain_head. */
    static final Migration V1 = new Migration(1, "records, global chain head, forwarding outbox", List.of(sql(
        "CREATE TABLE IF NOT EXISTS kjb_audit_record ("
            + " seq BIGINT PRIMARY KEY,"
            + " reference VARCHAR(32) NOT NULL UNIQUE,"
            + " event_type VARCHAR(32) NOT NULL,"
            + " recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " correlation_id VARCHAR(" + ID + "),"
            + " kommunenummer VARCHAR(" + CODE + "),"
            + " orgnr VARCHAR(" + CODE + "),"
            + " adapter_id VARCHAR(" + CODE + "),"
            + " source_system VARCHAR(" + NAME + "),"
            + " actor_type VARCHAR(" + CODE + "),"
            + " actor_id VARCHAR(" + ID + "),"
            + " actor_name VARCHAR(" + NAME + "),"
            + " profession_or_role VARCHAR(" + CODE + "),"
            + " service_context VARCHAR(" + CODE + "),"
            + " access_basis VARCHAR(" + CODE + "),"
            + " patient_id VARCHAR(" + CODE + "),"
            + " sections VARCHAR(" + SECTIONS + ") NOT NULL,"
            + " outcome VARCHAR(16) NOT NULL,"
            + " reason_code VARCHAR(" + CODE + "),"
            + " reason VARCHAR(" + REASON + "),"
            + " marked_for_review BOOLEAN NOT NULL,"
            + " prev_hash VARCHAR(64) NOT NULL,"
            + " hash VARCHAR(64) NOT NULL)",
        "CREATE TABLE IF NOT EXISTS kjb_audit_chain_head ("
            + " id INTEGER PRIMARY KEY,"
            + " last_seq BIGINT NOT NULL,"
            + " last_hash VARCHAR(64) NOT NULL)",
        "CREATE TABLE IF NOT EXISTS kjb_audit_outbox ("
            + " seq BIGINT PRIMARY KEY REFERENCES kjb_audit_record (seq),"
            + " attempts INTEGER NOT NULL,"
            + " next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " last_error VARCHAR(" + LAST_ERROR + "))",
        "CREATE INDEX IF NOT EXISTS kjb_audit_outbox_due ON kjb_audit_outbox (next_attempt_at)",
        "CREATE INDEX IF NOT EXISTS kjb_audit_record_patient ON kjb_audit_record (patient_id, recorded_at)",
        "INSERT INTO kjb_audit_chain_head (id, last_seq, last_hash) SELECT 1, 0, '" + HashChain.GENESIS + "'"
            + " WHERE NOT EXISTS (SELECT 1 FROM kjb_audit_chain_head WHERE id = 1)")));

    /**
     * Version 2: a hash chain per tenant with a head row each, canonical form v2 with unit, patient
     * name and purpose, signed checkpoints, and (PostgreSQL) triggers that make records and
     * checkpoints append-only. Records of version 1 become the chain {@code _legacy}: their position
     * in it is their global seq (version 1 had one gap-free chain), and they keep canonical form v1,
     * so they verify exactly as they were hashed. Row 1 of kjb_audit_chain_head stays the global
     * sequence and the lock every append takes, which keeps global seq in commit order.
     */
    static final Migration V2 = new Migration(2, "per-tenant chains, checkpoints, append-only", List.of(sql(
        "ALTER TABLE kjb_audit_record ADD COLUMN IF NOT EXISTS chain VARCHAR(16)",
        "ALTER TABLE kjb_audit_record ADD COLUMN IF NOT EXISTS chain_seq BIGINT",
        "ALTER TABLE kjb_audit_record ADD COLUMN IF NOT EXISTS canonical_version INTEGER",
        "ALTER TABLE kjb_audit_record ADD COLUMN IF NOT EXISTS unit VARCHAR(" + NAME + ")",
        "ALTER TABLE kjb_audit_record ADD COLUMN IF NOT EXISTS patient_name VARCHAR(" + NAME + ")",
        "ALTER TABLE kjb_audit_record ADD COLUMN IF NOT EXISTS purpose VARCHAR(" + REASON + ")",
        "UPDATE kjb_audit_record SET chain = '" + AuditRecord.LEGACY_CHAIN + "', chain_seq = seq,"
            + " canonical_version = 1 WHERE chain IS NULL",
        "ALTER TABLE kjb_audit_record ALTER COLUMN chain SET NOT NULL",
        "ALTER TABLE kjb_audit_record ALTER COLUMN chain_seq SET NOT NULL",
        "ALTER TABLE kjb_audit_record ALTER COLUMN canonical_version SET NOT NULL",
        "CREATE UNIQUE INDEX IF NOT EXISTS kjb_audit_record_chain_pos ON kjb_audit_record (chain, chain_seq)",
        "CREATE INDEX IF NOT EXISTS kjb_audit_record_actor ON kjb_audit_record (actor_id, seq)",
        "CREATE TABLE IF NOT EXISTS kjb_audit_chain ("
            + " chain VARCHAR(16) PRIMARY KEY,"
            + " last_chain_seq BIGINT NOT NULL,"
            + " last_hash VARCHAR(64) NOT NULL,"
            + " last_seq BIGINT NOT NULL,"
            + " purged_through BIGINT NOT NULL)",
        "INSERT INTO kjb_audit_chain (chain, last_chain_seq, last_hash, last_seq, purged_through)"
            + " SELECT '" + AuditRecord.LEGACY_CHAIN + "', h.last_seq, h.last_hash, h.last_seq, 0"
            + " FROM kjb_audit_chain_head h WHERE h.id = 1 AND h.last_seq > 0"
            + " AND NOT EXISTS (SELECT 1 FROM kjb_audit_chain c WHERE c.chain = '" + AuditRecord.LEGACY_CHAIN + "')",
        "CREATE TABLE IF NOT EXISTS kjb_audit_checkpoint ("
            + " chain VARCHAR(16) NOT NULL,"
            + " chain_seq BIGINT NOT NULL,"
            + " head_hash VARCHAR(64) NOT NULL,"
            + " record_count BIGINT NOT NULL,"
            + " created_at TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " key_id VARCHAR(" + CODE + ") NOT NULL,"
            + " algorithm VARCHAR(32) NOT NULL,"
            + " signature VARCHAR(1024) NOT NULL,"
            + " PRIMARY KEY (chain, chain_seq, key_id))"),
        postgresOnly(
            // One function serves both tables. The only DELETE it lets through is a purge:
            // kjb_audit_purge sets kjb.audit_purge to 'chain:through' for its own transaction, and
            // only rows of that chain up to a checkpointed position may go.
            "CREATE OR REPLACE FUNCTION kjb_audit_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                + "DECLARE permit TEXT;\n"
                + "BEGIN\n"
                + "  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'kjb_audit_record' THEN\n"
                + "    permit := current_setting('kjb.audit_purge', true);\n"
                + "    IF permit IS NOT NULL AND permit <> ''\n"
                + "       AND split_part(permit, ':', 1) = OLD.chain\n"
                + "       AND OLD.chain_seq <= split_part(permit, ':', 2)::BIGINT\n"
                + "       AND EXISTS (SELECT 1 FROM kjb_audit_checkpoint c WHERE c.chain = OLD.chain\n"
                + "                   AND c.chain_seq = split_part(permit, ':', 2)::BIGINT) THEN\n"
                + "      RETURN OLD;\n"
                + "    END IF;\n"
                + "  END IF;\n"
                + "  RAISE EXCEPTION '% on % rejected: the audit log is append-only', TG_OP, TG_TABLE_NAME\n"
                + "    USING ERRCODE = 'KJB01',\n"
                + "          HINT = 'records leave only through kjb_audit_purge (retention, up to a signed checkpoint)';\n"
                + "END $$",
            "DROP TRIGGER IF EXISTS kjb_audit_record_append_only ON kjb_audit_record",
            "CREATE TRIGGER kjb_audit_record_append_only BEFORE UPDATE OR DELETE ON kjb_audit_record"
                + " FOR EACH ROW EXECUTE FUNCTION kjb_audit_reject_change()",
            "DROP TRIGGER IF EXISTS kjb_audit_record_no_truncate ON kjb_audit_record",
            "CREATE TRIGGER kjb_audit_record_no_truncate BEFORE TRUNCATE ON kjb_audit_record"
                + " FOR EACH STATEMENT EXECUTE FUNCTION kjb_audit_reject_change()",
            "DROP TRIGGER IF EXISTS kjb_audit_checkpoint_append_only ON kjb_audit_checkpoint",
            "CREATE TRIGGER kjb_audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON kjb_audit_checkpoint"
                + " FOR EACH ROW EXECUTE FUNCTION kjb_audit_reject_change()",
            "DROP TRIGGER IF EXISTS kjb_audit_checkpoint_no_truncate ON kjb_audit_checkpoint",
            "CREATE TRIGGER kjb_audit_checkpoint_no_truncate BEFORE TRUNCATE ON kjb_audit_checkpoint"
                + " FOR EACH STATEMENT EXECUTE FUNCTION kjb_audit_reject_change()",
            // Runs as the owner, so the application role needs no DELETE grant on records at all.
            "CREATE OR REPLACE FUNCTION kjb_audit_purge(p_chain VARCHAR, p_through BIGINT) RETURNS BIGINT\n"
                + "LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$\n"
                + "DECLARE removed BIGINT;\n"
                + "BEGIN\n"
                + "  IF NOT EXISTS (SELECT 1 FROM kjb_audit_checkpoint WHERE chain = p_chain AND chain_seq = p_through) THEN\n"
                + "    RAISE EXCEPTION 'chain % has no checkpoint at position %: nothing purged', p_chain, p_through\n"
                + "      USING ERRCODE = 'KJB02';\n"
                + "  END IF;\n"
                + "  PERFORM set_config('kjb.audit_purge', p_chain || ':' || p_through, true);\n"
                + "  DELETE FROM kjb_audit_outbox WHERE seq IN\n"
                + "    (SELECT seq FROM kjb_audit_record WHERE chain = p_chain AND chain_seq <= p_through);\n"
                + "  DELETE FROM kjb_audit_record WHERE chain = p_chain AND chain_seq <= p_through;\n"
                + "  GET DIAGNOSTICS removed = ROW_COUNT;\n"
                + "  PERFORM set_config('kjb.audit_purge', '', true);\n"
                + "  RETURN removed;\n"
                + "END $$",
            "REVOKE ALL ON FUNCTION kjb_audit_purge(VARCHAR, BIGINT) FROM PUBLIC")));

    static final List<Migration> ALL = List.of(V1, V2);

    private AuditMigrations() {
    }
}
