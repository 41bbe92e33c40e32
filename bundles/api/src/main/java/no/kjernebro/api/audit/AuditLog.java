package no.kjernebro.api.audit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The tamper-evident audit log. Implemented by the audit bundle.
 */
@ProviderType
public interface AuditLog {

    /**
     * Appends a record to the hash chain and commits it (and its forwarding outbox entry) before
     * returning.
     *
     * @throws AuditUnavailableException when the store cannot commit; the lookup must fail closed
     */
    AuditReceipt append(AuditEntry entry) throws AuditUnavailableException;

    /**
     * Appends several records, in order, all or none. Implementations should commit them in one
     * transaction; this default appends one by one and is only atomic per record.
     *
     * @since 1.1
     */
    default java.util.List<AuditReceipt> appendAll(java.util.List<AuditEntry> entries) throws AuditUnavailableException {
        java.util.List<AuditReceipt> receipts = new java.util.ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            receipts.add(append(entry));
        }
        return receipts;
    }
}
