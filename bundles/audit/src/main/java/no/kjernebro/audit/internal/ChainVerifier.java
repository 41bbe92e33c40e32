package no.kjernebro.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import no.kjernebro.api.audit.AuditCheckpoint;
import no.kjernebro.api.audit.ChainVerification;
import no.kjernebro.api.audit.ChainVerification.Problem;

/**
 * Verifies one chain from its anchor (genesis, or the signed checkpoint a purge left) to its head,
 * and every checkpoint on the way, and reports the first problem in chain order. Records are read
 * in pages by position, so memory stays bounded however long the chain is.
 * <p>
 * The walk covers the positions up to the head read at the start; records appended meanwhile are
 * left for the next run, unless a checkpoint already covers them, in which case the walk goes on to
 * the new head. Only when the head does not reach a checkpoint's position is the tail missing.
 */
final class ChainVerifier {

    static final int PAGE = 5000;
    /** Correlation id of a purge record: the prefix and the last position the purge removed. */
    static final String PURGE_CORRELATION = "retention-purge:";

    private static final String PAGE_SQL = "SELECT " + AuditRecordColumns.LIST + " FROM kjb_audit_record"
            + " WHERE chain = ? AND chain_seq > ? AND chain_seq <= ? ORDER BY chain, chain_seq LIMIT ?";

    private final DataSource dataSource;
    private final CheckpointKeys keys;

    ChainVerifier(DataSource dataSource, CheckpointKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }

    ChainVerification verify(String chain) throws SQLException {
        try (Connection con = dataSource.getConnection()) {
            Optional<AuditRecordStore.ChainHead> head = AuditRecordStore.chainHead(con, chain);
            long purgedThrough = head.map(AuditRecordStore.ChainHead::purgedThrough).orElse(0L);
            Walk walk = new Walk(chain, keys);
            if (purgedThrough > 0 && !walk.anchorAt(purgedThrough, CheckpointStore.at(con, chain, purgedThrough))) {
                return walk.result();
            }
            // without a head row, walk whatever records there are; end() reports the missing row
            long target = head.map(AuditRecordStore.ChainHead::lastChainSeq).orElse(Long.MAX_VALUE);
            while (true) {
                if (!walkTo(con, walk, target)) {
                    return walk.result();
                }
                List<AuditCheckpoint> beyond = CheckpointStore.beyond(con, chain, walk.last(), 1);
                Optional<AuditRecordStore.ChainHead> now = AuditRecordStore.chainHead(con, chain);
                long headNow = now.map(AuditRecordStore.ChainHead::lastChainSeq).orElse(0L);
                if (!beyond.isEmpty() && headNow > target) {
                    target = headNow; // appended (and checkpointed) while we walked: go on
                    continue;
                }
                walk.end(head.orElse(null), beyond.isEmpty() ? null : beyond.get(0));
                return walk.result();
            }
        }
    }

    // Pages through positions after the walk's last one up to target, checkpoints alongside.
    static boolean walkTo(Connection con, Walk walk, long target) throws SQLException {
        while (walk.last() < target) {
            List<AuditRecord> page = page(con, walk.chain, walk.last(), target);
            if (page.isEmpty()) {
                return true;
            }
            List<AuditCheckpoint> checkpoints = CheckpointStore.inRange(con, walk.chain, walk.last() + 1,
                    page.get(page.size() - 1).chainSeq());
            int next = 0;
            for (AuditRecord record : page) {
                if (!walk.accept(record)) {
                    return false;
                }
                while (next < checkpoints.size() && checkpoints.get(next).chainSeq() == record.chainSeq()) {
                    if (!walk.check(checkpoints.get(next++), record)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static List<AuditRecord> page(Connection con, String chain, long after, long upTo) throws SQLException {
        List<AuditRecord> page = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement(PAGE_SQL)) {
            ps.setString(1, chain);
            ps.setLong(2, after);
            ps.setLong(3, upTo);
            ps.setInt(4, PAGE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(AuditRecordColumns.read(rs));
                }
            }
        }
        return page;
    }

    /** The state of one walk: where it is, what it has seen, and the first problem. */
    static final class Walk {
        private final String chain;
        private final CheckpointKeys keys;
        private long anchor;
        private long expected = 1;
        private String expectedPrev = HashChain.GENESIS;
        private String lastReference;
        private long checked;
        private boolean purgeAccounted = true;
        private long purgedThrough;
        private AuditCheckpoint newestCheckpoint;
        private ChainVerification problem;

        Walk(String chain, CheckpointKeys keys) {
            this.chain = chain;
            this.keys = keys;
        }

        long last() {
            return expected - 1;
        }

        /** Continues from a position already known good (a checkpoint whose signature was checked). */
        void startAfter(AuditCheckpoint verified) {
            anchor = verified.chainSeq();
            expected = verified.chainSeq() + 1;
            expectedPrev = verified.headHash();
            newestCheckpoint = verified;
        }

        /** The hash of the last record walked (or of the anchor). */
        String lastHash() {
            return expectedPrev;
        }

        /** Starts after a purge, from the checkpoint at the last purged position. */
        boolean anchorAt(long position, List<AuditCheckpoint> candidates) {
            purgedThrough = position;
            purgeAccounted = false;
            if (candidates.isEmpty()) {
                return fail(Problem.CHECKPOINT_MISMATCH, position, null, "Chain " + chain + " was purged through"
                        + " position " + position + ", but there is no checkpoint at that position to verify the"
                        + " remaining records from: the anchor checkpoint was removed.");
            }
            String why = null;
            for (AuditCheckpoint candidate : candidates) {
                Optional<String> bad = keys.verify(candidate);
                if (bad.isEmpty()) {
                    anchor = position;
                    expected = position + 1;
                    expectedPrev = candidate.headHash();
                    newestCheckpoint = candidate;
                    return true;
                }
                why = bad.get();
            }
            return fail(Problem.BAD_SIGNATURE, position, null, "The anchor checkpoint of chain " + chain
                    + " at position " + position + " (where a purge ended) is not genuine: " + why + ".");
        }

        boolean accept(AuditRecord r) {
            if (r.chainSeq() != expected) {
                return fail(Problem.GAP, expected, null, "Chain " + chain + " position " + expected + " is missing: "
                        + after() + " is followed by position " + r.chainSeq() + " (" + r.reference()
                        + "); records were deleted.");
            }
            if (!expectedPrev.equals(r.prevHash())) {
                return fail(Problem.BROKEN_LINK, r.chainSeq(), r.reference(), "Chain " + chain + " position "
                        + r.chainSeq() + " (" + r.reference() + ") does not link to " + after() + ": its previous"
                        + " hash is not that record's hash, so a record was deleted, inserted or moved here.");
            }
            if (!HashChain.hash(r).equals(r.hash())) {
                return fail(Problem.HASH_MISMATCH, r.chainSeq(), r.reference(), "Chain " + chain + " position "
                        + r.chainSeq() + " (" + r.reference() + "): the record's content does not match its stored"
                        + " hash; it was altered after it was written.");
            }
            if ("AUDIT_PURGE".equals(r.eventType())
                    && (PURGE_CORRELATION + purgedThrough).equals(r.correlationId())) {
                purgeAccounted = true;
            }
            checked++;
            expected++;
            expectedPrev = r.hash();
            lastReference = r.reference();
            return true;
        }

        /** A checkpoint of the position {@code r} holds. */
        boolean check(AuditCheckpoint c, AuditRecord r) {
            Optional<String> bad = keys.verify(c);
            if (bad.isPresent()) {
                return fail(Problem.BAD_SIGNATURE, c.chainSeq(), r.reference(), "The checkpoint of chain " + chain
                        + " at position " + c.chainSeq() + " written " + c.time() + " is not genuine: " + bad.get()
                        + ".");
            }
            if (!c.headHash().equals(r.hash()) || c.count() != c.chainSeq()) {
                return fail(Problem.CHECKPOINT_MISMATCH, c.chainSeq(), r.reference(), "Chain " + chain + " position "
                        + c.chainSeq() + " (" + r.reference() + ") hashes to " + r.hash() + ", but the checkpoint"
                        + " signed " + c.time() + " with key " + c.keyId() + " states " + c.headHash() + " and "
                        + c.count() + " records: the chain was rewritten after that checkpoint.");
            }
            newestCheckpoint = c;
            return true;
        }

        /** After the last record: compare with the head row and the newest checkpoint beyond the walk. */
        void end(AuditRecordStore.ChainHead head, AuditCheckpoint beyond) {
            if (beyond != null) {
                Optional<String> bad = keys.verify(beyond);
                if (bad.isPresent()) {
                    fail(Problem.BAD_SIGNATURE, beyond.chainSeq(), null, "The checkpoint of chain " + chain
                            + " at position " + beyond.chainSeq() + " written " + beyond.time() + " is not genuine: "
                            + bad.get() + ".");
                    return;
                }
                String ends = ending();
                newestCheckpoint = beyond;
                fail(Problem.MISSING_TAIL, last() + 1, null, "Chain " + chain + " ends at " + ends
                        + ", but the checkpoint signed " + beyond.time() + " covers position " + beyond.chainSeq()
                        + ": records " + (last() + 1) + " to " + beyond.chainSeq() + " were removed from the end.");
                return;
            }
            long headSeq = head == null ? 0 : head.lastChainSeq();
            if (head == null && last() > anchor) {
                fail(Problem.BROKEN_LINK, last(), lastReference, "Chain " + chain + " has records up to position "
                        + last() + " (" + lastReference + ") but no head row: the head row was deleted.");
            } else if (headSeq > last()) {
                fail(Problem.MISSING_TAIL, last() + 1, null, "Chain " + chain + " ends at " + ending()
                        + ", but its head row says position " + headSeq + ": records " + (last() + 1) + " to "
                        + headSeq + " were removed from the end.");
            } else if (head != null && last() > anchor && !head.lastHash().equals(expectedPrev)) {
                fail(Problem.BROKEN_LINK, last(), lastReference, "Chain " + chain + " position " + last() + " ("
                        + lastReference + ") does not match the hash its head row records: the head row was altered.");
            } else if (!purgeAccounted) {
                fail(Problem.GAP, 1, null, "Chain " + chain + " positions 1 to " + purgedThrough + " are missing and"
                        + " no purge record in the chain accounts for them: records were deleted.");
            }
        }

        ChainVerification result() {
            if (problem != null) {
                return problem;
            }
            String detail;
            if (checked == 0 && anchor == 0 && newestCheckpoint == null) {
                detail = "Chain " + chain + " has no records.";
            } else if (newestCheckpoint == null) {
                detail = "Chain " + chain + ": " + checked + " records verified" + span() + "; no signed checkpoint"
                        + " covers them yet, so removal of records from the end is detected only against the head row"
                        + (keys.canSign() ? "." : " (no checkpoint key is configured: checkpoint.keyFile).");
            } else {
                detail = "Chain " + chain + ": " + checked + " records verified" + span() + "; the newest signed"
                        + " checkpoint (position " + newestCheckpoint.chainSeq() + ", " + newestCheckpoint.time()
                        + ", key " + newestCheckpoint.keyId() + ") matches.";
            }
            return new ChainVerification(chain, true, checked, anchor + 1, last(), Problem.NONE, 0, null, detail,
                    newestCheckpoint);
        }

        private String span() {
            if (checked == 0) {
                return anchor > 0 ? " (all records up to position " + anchor + " were purged)" : "";
            }
            return ", positions " + (anchor + 1) + " to " + last()
                    + (anchor > 0 ? " (from the checkpoint a purge left at position " + anchor + ")" : "");
        }

        private String after() {
            return last() == anchor
                    ? (anchor == 0 ? "the start of the chain" : "the anchor checkpoint at position " + anchor)
                    : "position " + last() + " (" + lastReference + ")";
        }

        private String ending() {
            return last() == anchor ? "position " + anchor : "position " + last() + " (" + lastReference + ")";
        }

        private boolean fail(Problem kind, long at, String reference, String detail) {
            problem = new ChainVerification(chain, false, checked, anchor + 1, last(), kind, at, reference, detail,
                    newestCheckpoint);
            return false;
        }
    }
}
