package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.audit.AuditCheckpoint;

/** Reads and appends rows of {@code kjb_audit_checkpoint}; checkpoints are never changed. */
final class CheckpointStore {

    private static final String COLUMNS =
            "chain, chain_seq, head_hash, record_count, created_at, key_id, algorithm, signature";
    private static final String INSERT = "INSERT INTO kjb_audit_checkpoint (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String NEWEST_FIRST = "SELECT " + COLUMNS + " FROM kjb_audit_checkpoint WHERE chain = ?"
            + " ORDER BY chain_seq DESC, created_at DESC LIMIT ?";
    private static final String AT = "SELECT " + COLUMNS + " FROM kjb_audit_checkpoint WHERE chain = ? AND chain_seq = ?"
            + " ORDER BY created_at DESC";
    private static final String IN_RANGE = "SELECT " + COLUMNS + " FROM kjb_audit_checkpoint WHERE chain = ?"
            + " AND chain_seq >= ? AND chain_seq <= ? ORDER BY chain_seq, created_at";
    private static final String BEYOND = "SELECT " + COLUMNS + " FROM kjb_audit_checkpoint WHERE chain = ?"
            + " AND chain_seq > ? ORDER BY chain_seq DESC, created_at DESC LIMIT ?";
    private static final String BEFORE = "SELECT " + COLUMNS + " FROM kjb_audit_checkpoint WHERE chain = ?"
            + " AND created_at < ? AND chain_seq > ? ORDER BY chain_seq DESC, created_at DESC LIMIT ?";
    private static final String DUPLICATE_KEY = "23505";

    private CheckpointStore() {
    }

    /** Appends the checkpoint; false when the same key already signed that position (another node did). */
    static boolean insert(Connection con, AuditCheckpoint c) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(INSERT)) {
            ps.setString(1, c.chain());
            ps.setLong(2, c.chainSeq());
            ps.setString(3, c.headHash());
            ps.setLong(4, c.count());
            ps.setObject(5, OffsetDateTime.ofInstant(c.time(), ZoneOffset.UTC));
            ps.setString(6, c.keyId());
            ps.setString(7, c.algorithm());
            ps.setString(8, c.signature());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** The chain's checkpoints, highest position first. */
    static List<AuditCheckpoint> newestFirst(Connection con, String chain, int limit)
            throws SQLException {
        return query(con, NEWEST_FIRST, ps -> {
            ps.setString(1, chain);
            ps.setInt(2, limit);
        });
    }

    /** Checkpoints of one position (one per signing key), newest first. */
    static List<AuditCheckpoint> at(Connection con, String chain, long chainSeq)
            throws SQLException {
        return query(con, AT, ps -> {
            ps.setString(1, chain);
            ps.setLong(2, chainSeq);
        });
    }

    /** Checkpoints of positions {@code from..to}, in chain order. */
    static List<AuditCheckpoint> inRange(Connection con, String chain, long from, long to)
            throws SQLException {
        return query(con, IN_RANGE, ps -> {
            ps.setString(1, chain);
            ps.setLong(2, from);
            ps.setLong(3, to);
        });
    }

    /** Up to {@code limit} checkpoints of positions after {@code chainSeq}, highest first. */
    static List<AuditCheckpoint> beyond(Connection con, String chain, long chainSeq, int limit)
            throws SQLException {
        return query(con, BEYOND, ps -> {
            ps.setString(1, chain);
            ps.setLong(2, chainSeq);
            ps.setInt(3, limit);
        });
    }

    /** Up to {@code limit} checkpoints written before {@code time} of positions after {@code after}, highest first. */
    static List<AuditCheckpoint> writtenBefore(Connection con, String chain, Instant time,
                                                                     long after, int limit) throws SQLException {
        return query(con, BEFORE, ps -> {
            ps.setString(1, chain);
            ps.setObject(2, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
            ps.setLong(3, after);
            ps.setInt(4, limit);
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<AuditCheckpoint> query(Connection con, String sql, Binder binder)
            throws SQLException {
        List<AuditCheckpoint> found = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new AuditCheckpoint(rs.getString(1), rs.getLong(2),
                            rs.getString(3), rs.getLong(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
                            rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return found;
    }
}
