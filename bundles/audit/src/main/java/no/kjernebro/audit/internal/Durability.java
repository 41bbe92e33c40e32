package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a commit is durable before append returns, as far as the database allows, and says
 * loudly when it is not.
 * <ul>
 * <li>H2 (MVStore) writes committed changes to its file from a background thread, by default up
 *     to 500 ms later ({@code WRITE_DELAY}); a process killed meanwhile loses them. With
 *     {@code WRITE_DELAY=0} every commit writes the store to the file before it returns. The
 *     setting is persistent; it is set here when the DataSource user may (an admin, as the demo's
 *     {@code sa}) and should also be in the JDBC URL. Optionally each commit is followed by
 *     {@code CHECKPOINT SYNC} (fsync), for power loss as well as process crashes.</li>
 * <li>PostgreSQL waits for the WAL flush on commit unless {@code synchronous_commit} or
 *     {@code fsync} is off; both are checked.</li>
 * </ul>
 */
final class Durability {

    private static final Logger LOG = LoggerFactory.getLogger(Durability.class);

    private Durability() {
    }

    /** Checks (and on H2 fixes when allowed) the database's commit durability; never throws. */
    static void check(DataSource dataSource) {
        try (Connection con = dataSource.getConnection()) {
            if (Dialect.of(con) == Dialect.H2) {
                checkH2(con);
            } else {
                checkPostgres(con);
            }
        } catch (SQLException e) {
            LOG.warn("Could not check the audit database's commit durability: {}", LogSafe.describe(e));
        }
    }

    private static void checkH2(Connection con) throws SQLException {
        String writeDelay = setting(con, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'WRITE_DELAY'");
        if ("0".equals(writeDelay)) {
            LOG.info("Audit database H2: WRITE_DELAY=0, every commit is written to the file before append returns");
            return;
        }
        try (Statement st = con.createStatement()) {
            st.execute("SET WRITE_DELAY 0");
            LOG.info("Audit database H2: WRITE_DELAY was {}, set to 0 so commits reach the file before append"
                    + " returns; add WRITE_DELAY=0 to the JDBC URL", writeDelay);
        } catch (SQLException notAdmin) {
            LOG.warn("Audit database H2 has WRITE_DELAY={} ms and this user may not change it: a crash can lose"
                    + " records committed in the last {} ms. Add ;WRITE_DELAY=0 to the JDBC URL or connect as an"
                    + " admin ({})", writeDelay, writeDelay, LogSafe.describe(notAdmin));
        }
    }

    private static void checkPostgres(Connection con) throws SQLException {
        String synchronousCommit = setting(con, "SHOW synchronous_commit");
        String fsync = setting(con, "SHOW fsync");
        if ("off".equalsIgnoreCase(synchronousCommit) || "off".equalsIgnoreCase(fsync)) {
            LOG.warn("Audit database PostgreSQL has synchronous_commit={} fsync={}: a crash can lose committed"
                    + " audit records. Set both to on for the audit database", synchronousCommit, fsync);
        } else {
            LOG.info("Audit database PostgreSQL: synchronous_commit={}, fsync={}", synchronousCommit, fsync);
        }
    }

    /** Flushes H2's file to the device (fsync); for {@code store.h2SyncEachCommit}. */
    static void syncH2(Connection con) throws SQLException {
        try (Statement st = con.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        }
    }

    private static String setting(Connection con, String sql) throws SQLException {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
