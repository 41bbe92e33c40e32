package no.kjernebro.api.audit;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders stored records as FHIR R4 resources following IHE Basic Audit Log Patterns: the interchange
 * format auditors' tools and the national audit endpoint understand. Implemented by the audit bundle.
 *
 * @since 1.2
 */
@ProviderType
public interface AuditEventFormat {

    /** One record as a FHIR R4 {@code AuditEvent}, JSON. */
    String auditEvent(StoredAuditRecord record);

    /**
     * Records as a FHIR R4 {@code Bundle} of type {@code searchset} (JSON), one entry per record, with
     * {@code total} when known (negative: omitted) and a {@code next} link when {@code nextUrl} is given.
     */
    String bundle(List<StoredAuditRecord> records, long total, String nextUrl);
}
