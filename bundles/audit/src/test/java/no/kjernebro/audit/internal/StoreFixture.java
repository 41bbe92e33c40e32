package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** An emptied audit database per test, and ways to look at (and tamper with) it behind the store's back. */
abstract class StoreFixture {

    private static final String[] TABLES = {"kjb_audit_outbox", "kjb_audit_checkpoint", "kjb_audit_record",
        "kjb_audit_chain", "kjb_audit_chain_head", "kjb_audit_schema_version"};

    protected abstract DataSource dataSource();

    /** Runs SQL as an attacker with direct database access would: no guard, and no triggers on PostgreSQL. */
    protected void tamper(String... statements) throws SQLException {
        try (Connection con = dataSource().getConnection(); Statement st = con.createStatement()) {
            bypassTriggers(st);
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** PostgreSQL: a superuser can switch row triggers off for its session. */
    protected void bypassTriggers(Statement st) throws SQLException {
    }

    @BeforeEach
    void emptyDatabase() throws SQLException {
        try (Connection con = dataSource().getConnection(); Statement st = con.createStatement()) {
            for (String table : TABLES) {
                st.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    protected JdbcAuditLog activatedLog(DataSource dataSource) {
        return activatedLog(dataSource, TestAuditConfiguration.noForwarding());
    }

    protected JdbcAuditLog activatedLog(DataSource dataSource, TestAuditConfiguration config) {
        JdbcAuditLog log = new JdbcAuditLog(dataSource);
        log.activate(config);
        activeLogs.add(log);
        return log;
    }

    private final List<JdbcAuditLog> activeLogs = new ArrayList<>();

    @AfterEach
    void deactivateLogs() {
        activeLogs.forEach(JdbcAuditLog::deactivate);
    }

    protected List<AuditRecord> records() throws SQLException {
        List<AuditRecord> records = new ArrayList<>();
        new AuditRecordStore(dataSource()).forEachRecord(1, records::add);
        return records;
    }

    protected List<AuditRecord> chain(String chain) throws SQLException {
        List<AuditRecord> all = new ArrayList<>();
        for (AuditRecord r : records()) {
            if (r.chain().equals(chain)) {
                all.add(r);
            }
        }
        all.sort((a, b) -> Long.compare(a.chainSeq(), b.chainSeq()));
        return all;
    }

    protected int count(String table) throws SQLException {
        try (Connection con = dataSource().getConnection(); Statement st = con.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    protected long longValue(String sql, Object... parameters) throws SQLException {
        try (Connection con = dataSource().getConnection(); PreparedStatement ps = con.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
