package no.kjernebro.auditreview.internal.http;

import java.time.LocalDate;
import java.util.Set;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.auditreview.internal.access.Auditor;
import no.kjernebro.auditreview.internal.report.AccessReports;

/** {@code POST /reports/patient-access}: the "innsyn i logg" report for one patient and period. */
final class ReportsResource {

    private final ApiContext ctx;

    ReportsResource(ApiContext ctx) {
        this.ctx = ctx;
    }

    ApiResponse patientAccess(ApiRequest request, Auditor auditor) throws AuditUnavailableException {
        if (!request.query().isEmpty()) {
            throw ApiProblem.badRequest("the report takes its parameters in the JSON body, not the URL");
        }
        Parameters p = new Parameters(JsonBodies.read(request), Set.of("fnr", "fra", "til", "kommune", "format"));
        String fnr = p.raw("fnr");
        if (fnr == null) {
            throw ApiProblem.badRequest("fnr is required: the patient's national identity number");
        }
        if (!NationalIdentityNumber.isValid(fnr)) {
            throw ApiProblem.badRequest("fnr is not a valid national identity number (11 digits with valid check "
                    + "digits)");
        }
        LocalDate from = p.date("fra");
        LocalDate to = p.date("til");
        if (from == null || to == null) {
            throw ApiProblem.badRequest("fra and til are required (first and last day, e.g. 2026-01-01)");
        }
        if (to.isBefore(from)) {
            throw ApiProblem.badRequest("fra must be on or before til");
        }
        String kommune = p.matching("kommune", Parameters.KOMMUNENUMMER, "a kommunenummer (4 digits)");
        AccessReports.Format format = p.has("format") ? p.oneOf("format", AccessReports.Format.class)
                : AccessReports.Format.HTML;
        byte[] document;
        try {
            document = ctx.reports().render(fnr, from, to, kommune, format);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(Words.maskIdentityNumbers(String.valueOf(e.getMessage())));
        }
        String action = format == AccessReports.Format.PDF ? "report-pdf" : "report-html";
        ctx.recordAccess(auditor, kommune, fnr, action, "innsynsrapport for pasient " + NationalIdentityNumber.mask(fnr)
                + ", " + from + " til " + to + ", kommune " + (kommune == null ? "alle" : kommune) + ", format "
                + format.name().toLowerCase(java.util.Locale.ROOT));
        String extension = format == AccessReports.Format.PDF ? "pdf" : "html";
        return ApiResponse.of(200, format == AccessReports.Format.PDF ? "application/pdf" : "text/html; charset=utf-8",
                        document)
                .withHeader("Content-Disposition", "attachment; filename=\"innsyn-i-logg-" + from + "-" + to + "."
                        + extension + "\"");
    }
}
