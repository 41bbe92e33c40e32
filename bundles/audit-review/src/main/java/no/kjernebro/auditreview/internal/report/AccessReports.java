package no.kjernebro.auditreview.internal.report;

import java.time.LocalDate;
import no.kjernebro.api.audit.AuditUnavailableException;

/**
 * The patient access report ("innsyn i logg"): who looked at one patient's kjernejournal through
 * Kjernebro in a period, for sending to the patient. Norwegian labels. Implemented in this package;
 * the REST API and {@code kjernebro:audit-report} use it.
 */
public interface AccessReports {

    enum Format { HTML, PDF }

    /**
     * Renders the report. The caller has already recorded the auditor's access.
     *
     * @param patientId the patient's national identity number (validated by the caller)
     * @param from first day, inclusive (Europe/Oslo)
     * @param to last day, inclusive (Europe/Oslo)
     * @param kommunenummer limit to one municipality, or null for all the store holds
     * @return the document bytes (UTF-8 HTML or a PDF file)
     */
    byte[] render(String patientId, LocalDate from, LocalDate to, String kommunenummer, Format format)
            throws AuditUnavailableException;
}
