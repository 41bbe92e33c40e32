package no.kjernebro.api.audit;

/**
 * Proof that a record was committed.
 *
 * @param reference the stable reference callers and auditors quote
 * @param sequence position in the hash chain
 * @param hash hex SHA-256 of this record chained to the previous one
 */
public record AuditReceipt(String reference, long sequence, String hash) {
}
