package no.kjernebro.api.audit;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The read side of the audit log, for auditors and operators: search, chain verification, signed
 * checkpoints, retention purge and forwarding status. Implemented by the audit bundle. Callers that
 * show records to a person record that access themselves (an {@link AuditEntry.EventType#AUDIT_ACCESS}
 * entry through {@link AuditLog}); this service does not know who is asking.
 *
 * @since 1.2
 */
@ProviderType
public interface AuditTrail {

    /** One page of records matching the query, in the query's order. */
    AuditPage search(AuditQuery query) throws AuditUnavailableException;

    /** The record with this reference (e.g. {@code KJB-000000000042}). */
    Optional<StoredAuditRecord> find(String reference) throws AuditUnavailableException;

    /** The chains in the store: kommunenummer, plus {@link AuditEntry#SYSTEM_CHAIN}. */
    List<String> chains() throws AuditUnavailableException;

    /**
     * Verifies one chain from its oldest retained record (or the checkpoint a purge left) to its head,
     * and against its newest signed checkpoint, and reports the first problem found.
     */
    ChainVerification verify(String chain) throws AuditUnavailableException;

    /** Writes a signed checkpoint of the chain's current head now and returns it. */
    AuditCheckpoint checkpoint(String chain) throws AuditUnavailableException;

    /** The chain's checkpoints, newest first, at most {@code limit}. */
    List<AuditCheckpoint> checkpoints(String chain, int limit) throws AuditUnavailableException;

    /**
     * Removes the chain's records older than the configured retention period, up to (and including)
     * the newest signed checkpoint before the cut-off, and records the purge as an
     * {@link AuditEntry.EventType#AUDIT_PURGE} entry naming {@code operator}. The remaining chain stays
     * verifiable from that checkpoint.
     */
    PurgeReport purgeExpired(String chain, String operator) throws AuditUnavailableException;

    /** The forwarding outbox: backlog, oldest pending record, last error. */
    ForwardingStatus forwarding() throws AuditUnavailableException;
}
