package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditReceipt;

/**
 * Appends records to the chain. The chain head row is locked for the whole transaction, so
 * appends are serialized across threads and across Kjernebro nodes sharing one database, and a
 * record, its outbox row and the moved head are committed together or not at all.
 */
public final class AuditRecordStore {

    private static final String LOCK_HEAD = "SELECT last_seq, last_hash FROM kjb_audit_chain_head WHERE id = 1 FOR UPDATE";
    private static final String READ_HEAD = "SELECT last_seq, last_hash FROM kjb_audit_chain_head WHERE id = 1";
    private static final String INSERT_OUTBOX =
            "INSERT INTO kjb_audit_outbox (seq, attempts, next_attempt_at, last_error) VALUES (?, 0, ?, NULL)";
    private static final String MOVE_HEAD = "UPDATE kjb_audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1";
    private static final String READ_FROM = "SELECT " + AuditRecordColumns.LIST
            + " FROM kjb_audit_record WHERE seq >= ? ORDER BY seq";
    private static final int ATTEMPTS = 3;

    /** The chain head: the last record's sequence number and hash (0 and genesis when empty). */
    public record Head(long lastSeq, String lastHash) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    public AuditRecordStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** @param clock decides when a new outbox row is first due */
    public AuditRecordStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Commits the entry as the next record of the chain.
     *
     * @throws SQLException when nothing was committed (the transaction was rolled back)
     */
    public AuditReceipt append(AuditEntry entry) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                AuditRecord record = appendOnce(entry);
                return new AuditReceipt(record.reference(), record.seq(), record.hash());
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
            }
        }
    }

    private AuditRecord appendOnce(AuditEntry entry) throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try {
                Head head = lockHead(con);
                AuditRecord record = AuditRecord.chained(entry, head.lastSeq() + 1, head.lastHash());
                try (PreparedStatement ps = con.prepareStatement(AuditRecordColumns.INSERT)) {
                    AuditRecordColumns.bind(ps, record);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = con.prepareStatement(INSERT_OUTBOX)) {
                    ps.setLong(1, record.seq());
                    ps.setObject(2, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = con.prepareStatement(MOVE_HEAD)) {
                    ps.setLong(1, record.seq());
                    ps.setString(2, record.hash());
                    if (ps.executeUpdate() != 1) {
                        throw new SQLException("the audit chain head row is missing");
                    }
                }
                con.commit();
                return record;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(con, e);
                throw e;
            }
        }
    }

    private static Head lockHead(Connection con) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(LOCK_HEAD); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit chain head row is missing");
            }
            return new Head(rs.getLong(1), rs.getString(2));
        }
    }

    /** The committed chain head. */
    public Head head() throws SQLException {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement(READ_HEAD);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit chain head row is missing");
            }
            return new Head(rs.getLong(1), rs.getString(2));
        }
    }

    /** Streams committed records from {@code fromSeq} on, in sequence order. */
    public void forEachRecord(long fromSeq, Consumer<AuditRecord> sink) throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            // PostgreSQL only streams with a cursor inside a transaction; otherwise it reads everything
            con.setAutoCommit(false);
            try (PreparedStatement ps = con.prepareStatement(READ_FROM)) {
                ps.setFetchSize(500);
                ps.setLong(1, fromSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(AuditRecordColumns.read(rs));
                    }
                }
            } finally {
                con.rollback();
            }
        }
    }

    /** Verifies the whole stored chain against its head. */
    public ChainVerifier.Result verifyChain() throws SQLException {
        Head head = head();
        ChainVerifier verifier = new ChainVerifier();
        forEachRecord(1, verifier::accept);
        return verifier.finish(head.lastSeq(), head.lastHash());
    }

    // Serialization failures and lock timeouts leave nothing behind, so another try is safe.
    private static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("40") || "HYT00".equals(state) || "55P03".equals(state));
    }

    private static void rollbackQuietly(Connection con, Exception cause) {
        try {
            con.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }
}
