package no.kjernebro.medicationsweep.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The sweep's tables, created when missing, in the SQL H2 2.2 and PostgreSQL 15 share. They live in
 * the audit database (DataSource {@code kjernebro-audit}) but belong to this bundle only: {@code kjb_sweep_*}.
 */
final class SweepSchema {

    static final int VERSION = 1;

    static final int MESSAGE = 500;

    private static final String TS = "TIMESTAMP WITH TIME ZONE";

    private static final String[] DDL = {
        "CREATE TABLE IF NOT EXISTS kjb_sweep_schema_version (version INTEGER PRIMARY KEY, applied_at " + TS + " NOT NULL)",
        // one patient list per municipality; the patients are rows of kjb_sweep_patient
        "CREATE TABLE IF NOT EXISTS kjb_sweep_list ("
            + " kommunenummer VARCHAR(8) PRIMARY KEY,"
            + " list_id VARCHAR(40) NOT NULL,"
            + " adapter_id VARCHAR(64) NOT NULL,"
            + " registered_by VARCHAR(256) NOT NULL,"
            + " registered_at " + TS + " NOT NULL,"
            + " patient_count BIGINT NOT NULL,"
            + " fingerprint VARCHAR(64) NOT NULL)",
        // sist_sjekket: when Kjernebro last asked; neste_sjekk: what kjernejournal said to send next time
        "CREATE TABLE IF NOT EXISTS kjb_sweep_patient ("
            + " kommunenummer VARCHAR(8) NOT NULL,"
            + " fnr VARCHAR(11) NOT NULL,"
            + " added_at " + TS + " NOT NULL,"
            + " sist_sjekket " + TS + ","
            + " neste_sjekk " + TS + ","
            + " har_kjernejournal BOOLEAN,"
            + " ny_legemiddelinformasjon BOOLEAN,"
            + " last_sweep_id VARCHAR(40),"
            + " PRIMARY KEY (kommunenummer, fnr))",
        // an upload in progress; merged into kjb_sweep_patient in one transaction, then deleted
        "CREATE TABLE IF NOT EXISTS kjb_sweep_incoming (upload_id VARCHAR(40) NOT NULL, fnr VARCHAR(11) NOT NULL)",
        "CREATE INDEX IF NOT EXISTS kjb_sweep_incoming_upload ON kjb_sweep_incoming (upload_id, fnr)",
        "CREATE TABLE IF NOT EXISTS kjb_sweep_run ("
            + " sweep_id VARCHAR(40) PRIMARY KEY,"
            + " kommunenummer VARCHAR(8) NOT NULL,"
            + " adapter_id VARCHAR(64) NOT NULL,"
            + " list_id VARCHAR(40) NOT NULL,"
            + " initiator_type VARCHAR(16) NOT NULL,"
            + " initiator_id VARCHAR(256) NOT NULL,"
            + " state VARCHAR(16) NOT NULL,"
            + " patients_total BIGINT NOT NULL,"
            + " patients_done BIGINT NOT NULL,"
            + " batches BIGINT NOT NULL,"
            + " hits BIGINT NOT NULL,"
            + " cursor_fnr VARCHAR(11),"
            + " attempts INTEGER NOT NULL,"
            + " last_error VARCHAR(64),"
            + " last_error_message VARCHAR(" + MESSAGE + "),"
            + " created_at " + TS + " NOT NULL,"
            + " updated_at " + TS + " NOT NULL,"
            + " finished_at " + TS + ","
            + " callback_url VARCHAR(2000),"
            + " callback_state VARCHAR(16) NOT NULL,"
            + " callback_attempts INTEGER NOT NULL,"
            + " callback_next_at " + TS + ","
            + " callback_error VARCHAR(" + MESSAGE + "))",
        "CREATE INDEX IF NOT EXISTS kjb_sweep_run_kommune ON kjb_sweep_run (kommunenummer, created_at)",
        // patients with new medication information, in the order the sweep met them (seq_no)
        "CREATE TABLE IF NOT EXISTS kjb_sweep_hit ("
            + " sweep_id VARCHAR(40) NOT NULL,"
            + " seq_no BIGINT NOT NULL,"
            + " fnr VARCHAR(11) NOT NULL,"
            + " har_kjernejournal BOOLEAN NOT NULL,"
            + " checked_at " + TS + " NOT NULL,"
            + " PRIMARY KEY (sweep_id, seq_no))",
    };

    private SweepSchema() {
    }

    /** Creates what is missing; safe on every start. A node losing a creation race retries once. */
    static void ensure(DataSource dataSource) throws SQLException {
        try {
            ensureOnce(dataSource);
        } catch (SQLException raced) {
            ensureOnce(dataSource);
        }
    }

    private static void ensureOnce(DataSource dataSource) throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try (Statement st = con.createStatement()) {
                for (String ddl : DDL) {
                    st.execute(ddl);
                }
                try (var rs = st.executeQuery("SELECT COUNT(*) FROM kjb_sweep_schema_version WHERE version = " + VERSION)) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        st.executeUpdate("INSERT INTO kjb_sweep_schema_version (version, applied_at) VALUES ("
                                + VERSION + ", CURRENT_TIMESTAMP)");
                    }
                }
                con.commit();
            } catch (SQLException e) {
                con.rollback();
                throw e;
            }
        }
    }
}
