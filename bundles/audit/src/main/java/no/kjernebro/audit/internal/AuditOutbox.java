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
import javax.sql.DataSource;

/**
 * The forwarding outbox: one row per committed record not yet accepted by the receiver. It lives
 * in the audit database, written in the same transaction as the record, so nothing is lost when
 * Kjernebro stops before forwarding.
 */
public final class AuditOutbox {

    /** A record waiting to be forwarded and how many times sending it has failed. */
    public record Pending(AuditRecord record, int attempts) {
    }

    private static final String DUE = "SELECT o.attempts, " + AuditRecordColumns.QUALIFIED
            + " FROM kjb_audit_outbox o JOIN kjb_audit_record r ON r.seq = o.seq"
            + " WHERE o.next_attempt_at <= ? ORDER BY o.seq";
    private static final String DELETE = "DELETE FROM kjb_audit_outbox WHERE seq = ?";
    private static final String POSTPONE =
            "UPDATE kjb_audit_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE seq = ?";

    private final DataSource dataSource;

    public AuditOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} rows due at {@code now}, oldest record first. */
    public List<Pending> due(Instant now, int limit) throws SQLException {
        List<Pending> due = new ArrayList<>();
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement(DUE)) {
            ps.setObject(1, utc(now));
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && due.size() < limit) {
                    due.add(new Pending(AuditRecordColumns.read(rs), rs.getInt("attempts")));
                }
            }
        }
        return due;
    }

    /** The receiver accepted the record. */
    public void delivered(long seq) throws SQLException {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement(DELETE)) {
            ps.setLong(1, seq);
            ps.executeUpdate();
        }
    }

    /** Sending failed: remember why and when to try again. */
    public void postpone(long seq, int attempts, Instant nextAttempt, String error) throws SQLException {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement(POSTPONE)) {
            ps.setInt(1, attempts);
            ps.setObject(2, utc(nextAttempt));
            ps.setString(3, BoundedText.bound(error, AuditSchema.LAST_ERROR));
            ps.setLong(4, seq);
            ps.executeUpdate();
        }
    }

    /** How many records wait to be forwarded (for status output and tests). */
    public int size() throws SQLException {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement("SELECT COUNT(*) FROM kjb_audit_outbox");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
