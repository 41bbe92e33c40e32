package no.kjernebro.audit.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.kjernebro.api.audit.StoredAuditRecord;

/**
 * The AuditEvent id of a record: a name-based UUID over its reference and chain hash. Re-rendering
 * the same record gives the same id, so a receiver that is idempotent on the id drops re-sends; the
 * hash makes it unique across Kjernebro installations, whose references ({@code KJB-000000000001})
 * repeat and would otherwise make a shared national endpoint drop another installation's events.
 */
final class BalpEventId {

    private BalpEventId() {
    }

    static String of(StoredAuditRecord record) {
        String name = "kjernebro-audit|" + record.reference() + "|" + (record.hash() == null ? "" : record.hash());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
