package no.kjernebro.api.audit;

/**
 * The result of verifying one chain.
 *
 * @param chain the chain verified
 * @param intact true when no problem was found
 * @param recordsChecked records whose hash was recomputed
 * @param fromChainSeq first chain position checked (after a purge: the one after the anchor checkpoint)
 * @param toChainSeq last chain position checked
 * @param problem what was found first ({@link Problem#NONE} when intact)
 * @param atChainSeq the chain position of the first broken link, or of the first missing record; 0 if none
 * @param reference the reference of the record at that position, when it exists
 * @param detail a sentence for the auditor: what is wrong and where
 * @param checkpoint the newest signed checkpoint the chain was compared against, or null
 * @since 1.2
 */
public record ChainVerification(String chain, boolean intact, long recordsChecked, long fromChainSeq,
                                long toChainSeq, Problem problem, long atChainSeq, String reference,
                                String detail, AuditCheckpoint checkpoint) {

    public enum Problem {
        NONE,
        /** a record's content no longer hashes to its stored hash (altered). */
        HASH_MISMATCH,
        /** a record's previous hash is not the hash of the record before it (deleted or reordered). */
        BROKEN_LINK,
        /** a chain position is missing between two records (deleted). */
        GAP,
        /** records a checkpoint or the chain head covers are missing at the end (truncated). */
        MISSING_TAIL,
        /** the chain differs from what a signed checkpoint states (rewritten). */
        CHECKPOINT_MISMATCH,
        /** a checkpoint's signature does not verify with the configured key (forged or altered). */
        BAD_SIGNATURE
    }
}
