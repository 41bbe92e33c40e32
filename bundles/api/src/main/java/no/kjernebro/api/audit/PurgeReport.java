package no.kjernebro.api.audit;

import java.time.Instant;

/**
 * What a retention purge removed.
 *
 * @param chain the chain purged
 * @param cutoff records older than this were eligible
 * @param removed how many records were removed
 * @param throughChainSeq the last chain position removed (0 if none)
 * @param anchor the signed checkpoint the remaining chain is verified from (null if nothing removed)
 * @param purgeRecord the reference of the AUDIT_PURGE record that recorded the purge
 * @since 1.2
 */
public record PurgeReport(String chain, Instant cutoff, long removed, long throughChainSeq, AuditCheckpoint anchor,
                          String purgeRecord) {
}
