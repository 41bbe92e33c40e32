package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditCheckpoint;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.ChainVerification;
import no.kjernebro.api.audit.PurgeReport;
import no.kjernebro.api.lookup.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way records leave the log. A purge removes a chain's oldest records up to the newest
 * genuine checkpoint written before the cut-off (records are committed before a checkpoint covers
 * them, so all of them are older than the cut-off), and in the same transaction moves the chain's
 * anchor to that checkpoint and appends an {@code AUDIT_PURGE} record to the chain. A chain that
 * does not verify is not purged: that would destroy the evidence.
 * <p>
 * PostgreSQL: the deletion runs in {@code kjb_audit_purge}, a SECURITY DEFINER function that the
 * append-only trigger lets through for exactly that chain and range. H2: a plain DELETE on the
 * unguarded DataSource, the only statement of its kind in this bundle.
 */
final class RetentionPurge {

    static final String REASON_CODE = "RETENTION_PURGE";

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int CANDIDATES = 50;
    private static final String MOVE_ANCHOR =
            "UPDATE kjb_audit_chain SET purged_through = ? WHERE chain = ? AND purged_through = ?";

    private final DataSource unguarded;
    private final AuditRecordStore store;
    private final ChainVerifier verifier;
    private final CheckpointKeys keys;
    private final Clock clock;
    private final Duration retention;

    RetentionPurge(DataSource unguarded, AuditRecordStore store, ChainVerifier verifier, CheckpointKeys keys,
                   Clock clock, Duration retention) {
        this.unguarded = unguarded;
        this.store = store;
        this.verifier = verifier;
        this.keys = keys;
        this.clock = clock;
        this.retention = retention;
    }

    PurgeReport purge(String chain, String operator) throws SQLException {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("a purge must name the operator who runs it");
        }
        AuditRecordStore.ChainHead before = store.chainHead(chain)
                .orElseThrow(() -> new IllegalArgumentException("there is no audit chain " + chain));
        ChainVerification verification = verifier.verify(chain);
        if (!verification.intact()) {
            throw new IllegalStateException("chain " + chain + " does not verify (" + verification.problem() + ": "
                    + verification.detail() + "); nothing is purged, the records are evidence");
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(retention);
        try (Connection con = unguarded.getConnection()) {
            con.setAutoCommit(false);
            try {
                Dialect dialect = Dialect.of(con);
                Optional<AuditCheckpoint> anchor = anchor(con, before, cutoff);
                long removed = 0;
                long through = before.purgedThrough();
                if (anchor.isPresent()) {
                    through = anchor.get().chainSeq();
                    removed = delete(con, dialect, chain, before.purgedThrough(), through);
                    moveAnchor(con, chain, before.purgedThrough(), through);
                }
                AuditEntry entry = purgeEntry(chain, operator, now, cutoff, removed, before.purgedThrough(), through,
                        anchor.orElse(null));
                AuditRecord record = store.appendInTransaction(con, List.of(entry), chain).get(0);
                con.commit();
                LOG.info("Retention purge of audit chain {} by {}: {} records removed through position {}, recorded"
                        + " as {}", chain, operator, removed, through, record.reference());
                return new PurgeReport(chain, cutoff, removed, anchor.isPresent() ? through : 0, anchor.orElse(null),
                        record.reference());
            } catch (SQLException | RuntimeException e) {
                AuditRecordStore.rollbackQuietly(con, e);
                throw e;
            }
        }
    }

    // The newest genuine checkpoint written before the cut-off, beyond what was purged already.
    private Optional<AuditCheckpoint> anchor(Connection con, AuditRecordStore.ChainHead head, Instant cutoff)
            throws SQLException {
        for (AuditCheckpoint candidate : CheckpointStore.writtenBefore(con, head.chain(), cutoff,
                head.purgedThrough(), CANDIDATES)) {
            if (candidate.chainSeq() <= head.lastChainSeq() && keys.verify(candidate).isEmpty()
                    && candidate.headHash().equals(hashAt(con, head.chain(), candidate.chainSeq()))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String hashAt(Connection con, String chain, long chainSeq) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(
                "SELECT hash FROM kjb_audit_record WHERE chain = ? AND chain_seq = ?")) {
            ps.setString(1, chain);
            ps.setLong(2, chainSeq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long delete(Connection con, Dialect dialect, String chain, long after, long through)
            throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement ps = con.prepareStatement("SELECT kjb_audit_purge(?, ?)")) {
                ps.setString(1, chain);
                ps.setLong(2, through);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement outbox = con.prepareStatement("DELETE FROM kjb_audit_outbox WHERE seq IN"
                + " (SELECT seq FROM kjb_audit_record WHERE chain = ? AND chain_seq > ? AND chain_seq <= ?)");
             PreparedStatement records = con.prepareStatement(
                     "DELETE FROM kjb_audit_record WHERE chain = ? AND chain_seq > ? AND chain_seq <= ?")) {
            for (PreparedStatement ps : new PreparedStatement[] {outbox, records}) {
                ps.setString(1, chain);
                ps.setLong(2, after);
                ps.setLong(3, through);
            }
            int unsent = outbox.executeUpdate();
            if (unsent > 0) {
                LOG.warn("The retention purge of chain {} drops {} records that were never forwarded", chain, unsent);
            }
            return records.executeUpdate();
        }
    }

    // Guarded by the old value: a purge another node ran meanwhile makes this one fail and roll back.
    private static void moveAnchor(Connection con, String chain, long from, long to) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(MOVE_ANCHOR)) {
            ps.setLong(1, to);
            ps.setString(2, chain);
            ps.setLong(3, from);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("chain " + chain + " was purged by someone else meanwhile", "40001");
            }
        }
    }

    private AuditEntry purgeEntry(String chain, String operator, Instant now, Instant cutoff, long removed,
                                  long from, long through, AuditCheckpoint anchor) {
        String reason = anchor == null
                ? "Retention purge: nothing to remove; no signed checkpoint older than the cut-off " + cutoff
                        + " (retention " + retention.toDays() + " days)"
                : "Retention purge: removed " + removed + " records, chain positions " + (from + 1) + " to " + through
                        + ", recorded before the cut-off " + cutoff + " (retention " + retention.toDays() + " days);"
                        + " the chain is verified from the checkpoint at position " + through + " (hash "
                        + anchor.headHash() + ", key " + anchor.keyId() + ", signed " + anchor.time() + ")";
        String kommunenummer = chain.matches("\\d{4}") ? chain : null;
        return new AuditEntry(AuditEntry.EventType.AUDIT_PURGE, now, ChainVerifier.PURGE_CORRELATION + through,
                kommunenummer, null, null, "kjernebro", "OPERATOR", operator, operator, null, null, null, null,
                Set.of(), Outcome.ALLOWED, REASON_CODE, reason, false);
    }
}
