package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Creates the audit tables when they are missing. The SQL is the subset H2 2.2 and PostgreSQL 15
 * share, so the same statements serve the embedded default and production. Later versions add a
 * row to {@code kjb_audit_schema_version} and migrate from the version they find.
 */
public final class AuditSchema {

    public static final int VERSION = 1;

    /** Column widths, in characters; {@link AuditRecord} cuts text to them before hashing. */
    static final int CODE = 64;
    static final int ID = 128;
    static final int NAME = 256;
    static final int REASON = 1000;
    static final int SECTIONS = 512;
    static final int LAST_ERROR = 500;

    private static final String[] TABLES = {
        "CREATE TABLE IF NOT EXISTS kjb_audit_schema_version ("
            + " version INTEGER PRIMARY KEY,"
            + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)",
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
    };

    private AuditSchema() {
    }

    /**
     * Creates whatever is missing and returns the schema version found. Safe to run on every start
     * and from several nodes: a node that loses the race to create something retries once and then
     * finds it there.
     */
    public static int ensure(DataSource dataSource) throws SQLException {
        try {
            return ensureOnce(dataSource);
        } catch (SQLException raced) {
            return ensureOnce(dataSource);
        }
    }

    private static int ensureOnce(DataSource dataSource) throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try {
                try (Statement st = con.createStatement()) {
                    for (String ddl : TABLES) {
                        st.execute(ddl);
                    }
                }
                insertIfMissing(con, "SELECT 1 FROM kjb_audit_chain_head WHERE id = 1",
                        "INSERT INTO kjb_audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, '"
                                + HashChain.GENESIS + "')");
                insertIfMissing(con, "SELECT 1 FROM kjb_audit_schema_version WHERE version = " + VERSION,
                        "INSERT INTO kjb_audit_schema_version (version, applied_at) VALUES (" + VERSION + ", CURRENT_TIMESTAMP)");
                int found = currentVersion(con);
                con.commit();
                return found;
            } catch (SQLException e) {
                con.rollback();
                throw e;
            }
        }
    }

    private static void insertIfMissing(Connection con, String probe, String insert) throws SQLException {
        try (PreparedStatement check = con.prepareStatement(probe); ResultSet rs = check.executeQuery()) {
            if (rs.next()) {
                return;
            }
        }
        try (Statement ins = con.createStatement()) {
            ins.executeUpdate(insert);
        }
    }

    private static int currentVersion(Connection con) throws SQLException {
        try (Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(version) FROM kjb_audit_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
