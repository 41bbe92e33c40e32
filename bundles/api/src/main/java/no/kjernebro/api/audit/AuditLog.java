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
}
