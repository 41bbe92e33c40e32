package no.kjernebro.audit.internal;

/**
 * Walks records in sequence order and stops believing at the first broken link: a gap or
 * out-of-order sequence number (deleted or reordered records), a previous hash that does not match
 * the record before, or a stored hash that does not match the record's content (a changed field).
 * {@link #finish} compares the end of the walk with the chain head, which catches records deleted
 * from the tail. Feed it with {@link #accept} one record at a time so a long log is never held in
 * memory; for a later {@code kjernebro:audit-verify} shell command.
 */
public final class ChainVerifier {

    /** Outcome of a walk. {@code brokenAtSeq} and {@code problem} are set only when not intact. */
    public record Result(boolean intact, long verified, long lastSeq, String lastHash,
                         Long brokenAtSeq, String problem) {
    }

    private long expectedSeq = 1;
    private String expectedPrevHash = HashChain.GENESIS;
    private long verified;
    private Long brokenAtSeq;
    private String problem;

    /** Checks the next record; returns false once the chain is broken (later records are ignored). */
    public boolean accept(AuditRecord record) {
        if (brokenAtSeq != null) {
            return false;
        }
        if (record.seq() != expectedSeq) {
            return broken(record.seq(), "expected seq " + expectedSeq + " but found " + record.seq()
                    + " (a record is missing or out of order)");
        }
        if (!expectedPrevHash.equals(record.prevHash())) {
            return broken(record.seq(), "prev_hash does not match the hash of seq " + (expectedSeq - 1));
        }
        if (!HashChain.hash(record).equals(record.hash())) {
            return broken(record.seq(), "content does not match its hash (a field was changed)");
        }
        verified++;
        expectedSeq++;
        expectedPrevHash = record.hash();
        return true;
    }

    /** Ends the walk; {@code headSeq}/{@code headHash} are what the chain head row says. */
    public Result finish(long headSeq, String headHash) {
        if (brokenAtSeq == null && (headSeq != expectedSeq - 1 || !expectedPrevHash.equals(headHash))) {
            broken(expectedSeq, "the chain head says seq " + headSeq + " but the records end at seq "
                    + (expectedSeq - 1) + " (records removed from the end, or the head was changed)");
        }
        return new Result(brokenAtSeq == null, verified, expectedSeq - 1, expectedPrevHash, brokenAtSeq, problem);
    }

    private boolean broken(long seq, String why) {
        brokenAtSeq = seq;
        problem = why;
        return false;
    }
}
