package no.kjernebro.audit.internal.forward;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import no.kjernebro.api.audit.StoredAuditRecord;

/**
 * The forwarding outbox ({@code kjb_audit_outbox}): one row per committed record the receiver has not
 * accepted yet, written by the store in the record's own transaction. A row leaves only when the
 * receiver accepted the event, so a stop or crash at any point loses nothing; at worst an event is
 * sent again, and the receiver drops it by its id.
 */
public final class AuditOutbox {

    /**
     * A record waiting to be forwarded and how many times sending it has failed. {@code record} is null
     * (and {@code unreadable} says why) for a row this version cannot read, e.g. an event type a newer
     * version wrote: it is postponed like a refused event instead of stopping the outbox.
     */
    public record Pending(long seq, StoredAuditRecord record, int attempts, String unreadable) {
    }

    /** A failed delivery: when to try again, and why it failed. */
    public record Postponement(long seq, int attempts, Instant nextAttempt, String error) {
    }

    /** What the outbox holds. */
    public record Counts(long backlog, long failing, Instant oldestPending) {
    }

    static final int LAST_ERROR_WIDTH = 500;

    /*
     * Ordered by due time, which for rows never tried is commit time: the index on next_attempt_at then
     * yields the rows in order and the query stops after the limit. ORDER BY seq made H2 sort the whole
     * due backlog every round (about 100 ms per round at 20,000 waiting records, against 0.4 ms).
     */
    private static final String DUE = "SELECT o.attempts AS outbox_attempts, r.*"
            + " FROM kjb_audit_outbox o JOIN kjb_audit_record r ON r.seq = o.seq"
            + " WHERE o.next_attempt_at <= ? ORDER BY o.next_attempt_at FETCH FIRST ? ROWS ONLY";
    private static final String DELETE = "DELETE FROM kjb_audit_outbox WHERE seq = ?";
    private static final String POSTPONE =
            "UPDATE kjb_audit_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE seq = ?";
    private static final String COUNTS = "SELECT COUNT(*), SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END),"
            + " MIN(seq) FROM kjb_audit_outbox";
    private static final String RECORDED_AT = "SELECT recorded_at FROM kjb_audit_record WHERE seq = ?";

    private final DataSource dataSource;

    public AuditOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} rows due at {@code now}, those due longest first. */
    public List<Pending> due(Instant now, int limit) throws SQLException {
        List<Pending> due = new ArrayList<>();
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement(DUE)) {
            ps.setObject(1, utc(now));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                OutboxRecords records = OutboxRecords.of(rs.getMetaData());
                while (rs.next()) {
                    due.add(read(records, rs));
                }
            }
        }
        return due;
    }

    private static Pending read(OutboxRecords records, ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        int attempts = rs.getInt("outbox_attempts");
        try {
            return new Pending(seq, records.read(rs), attempts, null);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Pending(seq, null, attempts, "unreadable record: " + e.getMessage());
        }
    }

    /** The receiver accepted these records: they leave the outbox, in one transaction. */
    public void delivered(Collection<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        inTransaction(DELETE, ps -> {
            for (long seq : seqs) {
                ps.setLong(1, seq);
                ps.addBatch();
            }
        });
    }

    /** Sending failed: remember why and when to try again. */
    public void postpone(Collection<Postponement> failures) throws SQLException {
        if (failures.isEmpty()) {
            return;
        }
        inTransaction(POSTPONE, ps -> {
            for (Postponement p : failures) {
                ps.setInt(1, p.attempts());
                ps.setObject(2, utc(p.nextAttempt()));
                ps.setString(3, ErrorText.bound(p.error(), LAST_ERROR_WIDTH));
                ps.setLong(4, p.seq());
                ps.addBatch();
            }
        });
    }

    /** Backlog, rows that failed at least once, and the record time of the oldest waiting record. */
    public Counts counts() throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            long backlog;
            long failing;
            long oldestSeq;
            try (PreparedStatement ps = con.prepareStatement(COUNTS); ResultSet rs = ps.executeQuery()) {
                rs.next();
                backlog = rs.getLong(1);
                failing = rs.getLong(2);
                oldestSeq = rs.getLong(3);
            }
            if (backlog == 0) {
                return new Counts(0, 0, null);
            }
            try (PreparedStatement ps = con.prepareStatement(RECORDED_AT)) {
                ps.setLong(1, oldestSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    Instant oldest = rs.next() ? rs.getObject(1, OffsetDateTime.class).toInstant() : null;
                    return new Counts(backlog, failing, oldest);
                }
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void inTransaction(String sql, Binder binder) throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            boolean autoCommit = con.getAutoCommit();
            con.setAutoCommit(false);
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                binder.bind(ps);
                ps.executeBatch();
                con.commit();
            } catch (SQLException | RuntimeException e) {
                con.rollback();
                throw e;
            } finally {
                con.setAutoCommit(autoCommit);
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
