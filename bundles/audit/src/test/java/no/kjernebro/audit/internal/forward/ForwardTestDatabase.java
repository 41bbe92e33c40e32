package no.kjernebro.audit.internal.forward;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.audit.internal.AuditRecordStore;
import no.kjernebro.audit.internal.AuditSchema;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An H2 file database with the audit schema, filled through the store as the audit log fills it
 * (record and outbox row in one transaction). The only place these tests touch the store.
 */
final class ForwardTestDatabase {

    final String url;
    final DataSource dataSource;
    private final AuditRecordStore store;

    ForwardTestDatabase(Path dir, Clock clock) throws SQLException {
        url = "jdbc:h2:file:" + dir.resolve("audit-" + UUID.randomUUID()).toAbsolutePath() + ";DB_CLOSE_DELAY=-1";
        dataSource = newDataSource();
        AuditSchema.ensure(dataSource);
        store = new AuditRecordStore(dataSource, clock);
    }

    /** A second DataSource on the same database, as a restarted node would open it. */
    DataSource newDataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        return ds;
    }

    void append(AuditEntry entry, int times) throws SQLException {
        List<AuditEntry> batch = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            batch.add(entry);
        }
        store.appendAll(batch);
    }

    long outboxSize() throws SQLException {
        return new AuditOutbox(dataSource).counts().backlog();
    }

    record OutboxRow(int attempts, Instant nextAttempt, String lastError) {
    }

    OutboxRow outboxRow(long seq) throws SQLException {
        try (Connection con = dataSource.getConnection(); Statement st = con.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT attempts, next_attempt_at, last_error FROM kjb_audit_outbox WHERE seq = " + seq)) {
            if (!rs.next()) {
                throw new AssertionError("no outbox row " + seq);
            }
            return new OutboxRow(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3));
        }
    }
}
