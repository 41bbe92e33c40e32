package no.kjernebro.api.audit;

/**
 * A committed record as the store holds it.
 *
 * @param seq global sequence number (store-wide, increasing with commit order)
 * @param chain the chain it belongs to ({@link AuditEntry#chain()})
 * @param chainSeq its position in that chain, from 1
 * @param reference the reference callers were given
 * @param entry what was recorded
 * @param prevHash hash of the previous record in the chain (64 zeros for the first)
 * @param hash hex SHA-256 over {@code prevHash} and the record's canonical form
 * @since 1.2
 */
public record StoredAuditRecord(long seq, String chain, long chainSeq, String reference, AuditEntry entry,
                                String prevHash, String hash) {
}
