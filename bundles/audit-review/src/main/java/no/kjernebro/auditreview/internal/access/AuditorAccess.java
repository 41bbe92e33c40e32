package no.kjernebro.auditreview.internal.access;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditLog;
import no.kjernebro.api.audit.AuditReceipt;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.lookup.Outcome;

/**
 * Records an auditor's own use of the log (search, export, report, verification, review) before any
 * result is shown: auditors are watched too, and without a committed record they see nothing.
 */
public final class AuditorAccess {

    /** {@code actorType} of auditor records. */
    public static final String AUDITOR = "AUDITOR";

    private final AuditLog log;
    private final Clock clock;

    public AuditorAccess(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * Commits an AUDIT_ACCESS (or AUDIT_REVIEW) record.
     *
     * @param type AUDIT_ACCESS or AUDIT_REVIEW
     * @param auditor the JAAS user name
     * @param channel {@code rest} or {@code shell}
     * @param kommunenummer the chain searched, if one
     * @param patientId the patient searched or reported on, if one (stored; never logged unmasked)
     * @param action what was done, e.g. {@code search}, {@code export-csv}, {@code report-pdf}, {@code verify}
     * @param detail the query or comment in words, no identity number in it
     */
    public AuditReceipt record(AuditEntry.EventType type, String auditor, String channel, String kommunenummer,
                               String patientId, String action, String detail) throws AuditUnavailableException {
        AuditEntry entry = new AuditEntry(type, clock.instant(), UUID.randomUUID().toString(), kommunenummer, null,
                null, "Kjernebro/" + channel, AUDITOR, auditor, null, "auditor", null, null, patientId, Set.of(),
                Outcome.ALLOWED, action, detail, false);
        return log.append(entry);
    }
}
