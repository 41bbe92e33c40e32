package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditReceipt;

/**
 * Appends records to the chain. The chain head row is locked for the whole transaction, so
 * appends are serialized across threads and across Kjernebro nodes sharing one database, and the
 * records, their outbox rows and the moved head are committed together or not at all.
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
    private static final int JDBC_BATCH = 500;

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
        return appendAll(List.of(entry)).get(0);
    }

    /**
     * Commits the entries, in order, as the next records of the chain: one transaction, one lock of
     * the head row, and batched inserts, so a sweep's batch costs one round of locking instead of one
     * per patient. All of them are committed or none.
     *
     * @throws SQLException when nothing was committed (the transaction was rolled back)
     */
    public List<AuditReceipt> appendAll(List<AuditEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                List<AuditRecord> records = appendOnce(entries);
                List<AuditReceipt> receipts = new ArrayList<>(records.size());
                for (AuditRecord record : records) {
                    receipts.add(new AuditReceipt(record.reference(), record.seq(), record.hash()));
                }
                return receipts;
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
            }
        }
    }

    private List<AuditRecord> appendOnce(List<AuditEntry> entries) throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            con.setAutoCommit(false);
            try {
                Head head = lockHead(con);
                // The chain is computed under the lock: nobody else can move the head meanwhile.
                List<AuditRecord> records = new ArrayList<>(entries.size());
                String prevHash = head.lastHash();
                long seq = head.lastSeq();
                for (AuditEntry entry : entries) {
                    AuditRecord record = AuditRecord.chained(entry, ++seq, prevHash);
                    records.add(record);
                    prevHash = record.hash();
                }
                insertAll(con, AuditRecordColumns.INSERT, records, AuditRecordColumns::bind);
                OffsetDateTime due = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
                insertAll(con, INSERT_OUTBOX, records, (ps, record) -> {
                    ps.setLong(1, record.seq());
                    ps.setObject(2, due);
                });
                AuditRecord last = records.get(records.size() - 1);
                try (PreparedStatement ps = con.prepareStatement(MOVE_HEAD)) {
                    ps.setLong(1, last.seq());
                    ps.setString(2, last.hash());
                    if (ps.executeUpdate() != 1) {
                        throw new SQLException("the audit chain head row is missing");
                    }
                }
                con.commit();
                return records;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(con, e);
                throw e;
            }
        }
    }

    /** Binds one record's parameters. */
    private interface Binder {
        void bind(PreparedStatement ps, AuditRecord record) throws SQLException;
    }

    // Large calls go out in slices of JDBC_BATCH rows so the driver's buffers stay bounded.
    private static void insertAll(Connection con, String sql, List<AuditRecord> records, Binder binder)
            throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            int pending = 0;
            for (AuditRecord record : records) {
                binder.bind(ps, record);
                ps.addBatch();
                if (++pending == JDBC_BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
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
