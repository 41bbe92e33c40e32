package no.kjernebro.api.audit;

import java.time.Instant;

/**
 * A signed statement of a chain's head at a point in time: anyone holding the public key can check
 * that the records up to {@code chainSeq} still hash to {@code headHash}, so truncating the tail or
 * rewriting the whole chain after the checkpoint is detected.
 *
 * @param chain the chain
 * @param chainSeq the last record covered
 * @param headHash that record's hash
 * @param count records covered since the chain began (purged ones included)
 * @param time when the checkpoint was written
 * @param keyId which configured key signed it
 * @param algorithm the signature algorithm (JCA name, e.g. {@code SHA256withECDSA})
 * @param signature base64 signature over the checkpoint's canonical form
 * @since 1.2
 */
public record AuditCheckpoint(String chain, long chainSeq, String headHash, long count, Instant time,
                              String keyId, String algorithm, String signature) {
}
