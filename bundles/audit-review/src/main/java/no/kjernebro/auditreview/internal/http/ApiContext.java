package no.kjernebro.auditreview.internal.http;

import java.util.function.Supplier;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.audit.AuditEventFormat;
import no.kjernebro.api.audit.AuditTrail;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.auditreview.internal.access.Auditor;
import no.kjernebro.auditreview.internal.access.AuditorAccess;
import no.kjernebro.auditreview.internal.report.AccessReports;
import no.kjernebro.auditreview.internal.rules.Findings;

/**
 * What the resources work with. {@code findings} may supply null: the review rules are an optional
 * service and the API answers 503 for them while they are away.
 */
record ApiContext(AuditTrail trail, AuditEventFormat format, AuditorAccess access, AccessReports reports,
                  Supplier<Findings> findings, RecordSearch.PageSizes pageSizes, String basePath) {

    static final String CHANNEL = "rest";

    /**
     * Commits the auditor's access record; nothing may be shown unless this returns. The chain is the
     * municipality concerned when there is one.
     */
    void recordAccess(Auditor auditor, String chain, String patientId, String action, String detail)
            throws AuditUnavailableException {
        String kommunenummer = chain != null && Parameters.KOMMUNENUMMER.matcher(chain).matches() ? chain : null;
        access.record(AuditEntry.EventType.AUDIT_ACCESS, auditor.name(), CHANNEL, kommunenummer, patientId, action,
                detail);
    }

    Findings requireFindings() {
        Findings service = findings.get();
        if (service == null) {
            throw new ApiProblem(503, "Service Unavailable", "the review rules are not running");
        }
        return service;
    }
}
