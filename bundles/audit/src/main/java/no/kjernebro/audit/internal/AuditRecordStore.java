package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditReceipt;

/**
 * Appends records to their chains. Every append locks row 1 of {@code kjb_audit_chain_head} (the
 * global sequence) for its whole transaction, so appends are serialized across threads and across
 * Kjernebro nodes sharing one database, global seq follows commit order, and the records, their
 * outbox rows, the global sequence and the chain heads are committed together or not at all.
 */
public final class AuditRecordStore {

    private static final String LOCK_SEQUENCE = "SELECT last_seq FROM kjb_audit_chain_head WHERE id = 1 FOR UPDATE";
    private static final String READ_SEQUENCE = "SELECT last_seq, last_hash FROM kjb_audit_chain_head WHERE id = 1";
    private static final String MOVE_SEQUENCE = "UPDATE kjb_audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1";
    private static final String CHAIN_COLUMNS = "chain, last_chain_seq, last_hash, last_seq, purged_through";
    private static final String READ_CHAIN = "SELECT " + CHAIN_COLUMNS + " FROM kjb_audit_chain WHERE chain = ?";
    private static final String READ_CHAINS = "SELECT " + CHAIN_COLUMNS + " FROM kjb_audit_chain ORDER BY chain";
    private static final String INSERT_CHAIN = "INSERT INTO kjb_audit_chain (" + CHAIN_COLUMNS + ") VALUES (?, ?, ?, ?, 0)";
    private static final String MOVE_CHAIN =
            "UPDATE kjb_audit_chain SET last_chain_seq = ?, last_hash = ?, last_seq = ? WHERE chain = ?";
    private static final String INSERT_OUTBOX =
            "INSERT INTO kjb_audit_outbox (seq, attempts, next_attempt_at, last_error) VALUES (?, 0, ?, NULL)";
    private static final String READ_FROM = "SELECT " + AuditRecordColumns.LIST
            + " FROM kjb_audit_record WHERE seq >= ? ORDER BY seq";
    private static final int ATTEMPTS = 3;
    private static final int JDBC_BATCH = 500;
    /** purgedThrough of a chain that has no head row yet (it is inserted, not updated). */
    private static final long NO_ROW = -1;

    /** The global sequence: the last record's seq and hash (0 and genesis when empty). */
    public record Head(long lastSeq, String lastHash) {
    }

    /**
     * A chain's head row.
     *
     * @param purgedThrough the last position a retention purge removed (0: none); the chain is
     *        verified from the checkpoint at that position
     */
    public record ChainHead(String chain, long lastChainSeq, String lastHash, long lastSeq, long purgedThrough) {
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
     * Commits the entry as the next record of its chain.
     *
     * @throws SQLException when nothing was committed (the transaction was rolled back)
     */
    public AuditReceipt append(AuditEntry entry) throws SQLException {
        return appendAll(List.of(entry)).get(0);
    }

    /**
     * Commits the entries, in order, each as the next record of its own chain: one transaction,
     * batched inserts. All of them are committed or none.
     *
     * @throws SQLException when nothing was committed (the transaction was rolled back)
     */
    public List<AuditReceipt> appendAll(List<AuditEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection con = dataSource.getConnection()) {
                con.setAutoCommit(false);
                try {
                    List<AuditRecord> records = appendInTransaction(con, entries, null);
                    con.commit();
                    return receipts(records);
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(con, e);
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Appends within the caller's transaction (the caller commits): for the purge, whose record
     * must commit with the deletion.
     *
     * @param chainOverride the chain every entry goes to, or null for each entry's own chain
     */
    List<AuditRecord> appendInTransaction(Connection con, List<AuditEntry> entries, String chainOverride)
            throws SQLException {
        long seq = lockSequence(con);
        // Computed under the lock: nobody else can move any head meanwhile.
        Map<String, ChainHead> heads = readHeads(con, entries, chainOverride);
        Map<String, ChainHead> moved = new HashMap<>();
        List<AuditRecord> records = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            String chain = chainOverride != null ? chainOverride : entry.chain();
            ChainHead head = moved.getOrDefault(chain, heads.get(chain));
            AuditRecord record = AuditRecord.chained(entry, ++seq, chain, head.lastChainSeq() + 1, head.lastHash());
            records.add(record);
            moved.put(chain, new ChainHead(chain, record.chainSeq(), record.hash(), record.seq(),
                    head.purgedThrough()));
        }
        insertAll(con, AuditRecordColumns.INSERT, records, AuditRecordColumns::bind);
        OffsetDateTime due = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        insertAll(con, INSERT_OUTBOX, records, (ps, record) -> {
            ps.setLong(1, record.seq());
            ps.setObject(2, due);
        });
        AuditRecord last = records.get(records.size() - 1);
        try (PreparedStatement ps = con.prepareStatement(MOVE_SEQUENCE)) {
            ps.setLong(1, last.seq());
            ps.setString(2, last.hash());
            ps.executeUpdate();
        }
        moveHeads(con, heads, moved);
        return records;
    }

    private static long lockSequence(Connection con) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(LOCK_SEQUENCE); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit sequence row (kjb_audit_chain_head id 1) is missing");
            }
            return rs.getLong(1);
        }
    }

    // A chain without a head row starts at genesis; its row is inserted when the records are.
    private static Map<String, ChainHead> readHeads(Connection con, List<AuditEntry> entries, String chainOverride)
            throws SQLException {
        TreeSet<String> chains = new TreeSet<>();
        for (AuditEntry entry : entries) {
            chains.add(chainOverride != null ? chainOverride : entry.chain());
        }
        Map<String, ChainHead> heads = new HashMap<>();
        try (PreparedStatement ps = con.prepareStatement(READ_CHAIN)) {
            for (String chain : chains) {
                ps.setString(1, chain);
                try (ResultSet rs = ps.executeQuery()) {
                    heads.put(chain, rs.next() ? chainHead(rs) : new ChainHead(chain, 0, HashChain.GENESIS, 0, NO_ROW));
                }
            }
        }
        return heads;
    }

    private static void moveHeads(Connection con, Map<String, ChainHead> before, Map<String, ChainHead> after)
            throws SQLException {
        try (PreparedStatement update = con.prepareStatement(MOVE_CHAIN);
             PreparedStatement insert = con.prepareStatement(INSERT_CHAIN)) {
            for (ChainHead head : after.values()) {
                boolean isNew = before.get(head.chain()).purgedThrough() == NO_ROW;
                PreparedStatement ps = isNew ? insert : update;
                if (isNew) {
                    ps.setString(1, head.chain());
                    ps.setLong(2, head.lastChainSeq());
                    ps.setString(3, head.lastHash());
                    ps.setLong(4, head.lastSeq());
                } else {
                    ps.setLong(1, head.lastChainSeq());
                    ps.setString(2, head.lastHash());
                    ps.setLong(3, head.lastSeq());
                    ps.setString(4, head.chain());
                }
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("the head row of audit chain " + head.chain() + " did not move");
                }
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

    /** The committed global sequence. */
    public Head head() throws SQLException {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement(READ_SEQUENCE);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the audit sequence row (kjb_audit_chain_head id 1) is missing");
            }
            return new Head(rs.getLong(1), rs.getString(2));
        }
    }

    /** The chain's committed head, empty when the chain has no records. */
    public Optional<ChainHead> chainHead(String chain) throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            return chainHead(con, chain);
        }
    }

    static Optional<ChainHead> chainHead(Connection con, String chain) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(READ_CHAIN)) {
            ps.setString(1, chain);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(chainHead(rs)) : Optional.empty();
            }
        }
    }

    /** Every chain's head, by chain name. */
    public List<ChainHead> chainHeads() throws SQLException {
        List<ChainHead> heads = new ArrayList<>();
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement(READ_CHAINS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                heads.add(chainHead(rs));
            }
        }
        return heads;
    }

    private static ChainHead chainHead(ResultSet rs) throws SQLException {
        return new ChainHead(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5));
    }

    /** A consumer of streamed records that may throw. */
    public interface RecordSink {
        void accept(AuditRecord record) throws SQLException;
    }

    /** Streams committed records from global {@code fromSeq} on, in global order. */
    public void forEachRecord(long fromSeq, RecordSink sink) throws SQLException {
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

    private static List<AuditReceipt> receipts(List<AuditRecord> records) {
        List<AuditReceipt> receipts = new ArrayList<>(records.size());
        for (AuditRecord record : records) {
            receipts.add(new AuditReceipt(record.reference(), record.seq(), record.hash()));
        }
        return receipts;
    }

    // Serialization failures and lock timeouts leave nothing behind, so another try is safe.
    static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("40") || "HYT00".equals(state) || "55P03".equals(state));
    }

    static void rollbackQuietly(Connection con, Exception cause) {
        try {
            con.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }
}
