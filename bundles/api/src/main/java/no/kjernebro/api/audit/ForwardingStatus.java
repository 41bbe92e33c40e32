package no.kjernebro.api.audit;

import java.time.Instant;

/**
 * The forwarding outbox.
 *
 * @param enabled whether forwarding is configured
 * @param endpoint where AuditEvents go (no credentials)
 * @param backlog records committed but not yet accepted by the endpoint
 * @param oldestPending record time of the oldest pending one, or null
 * @param failingRecords pending records with at least one failed attempt
 * @param delivered records delivered since this node started
 * @param lastError the last delivery error, or null
 * @since 1.2
 */
public record ForwardingStatus(boolean enabled, String endpoint, long backlog, Instant oldestPending,
                               long failingRecords, long delivered, String lastError) {
}
