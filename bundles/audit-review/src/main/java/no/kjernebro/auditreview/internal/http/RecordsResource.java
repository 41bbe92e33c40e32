package no.kjernebro.auditreview.internal.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import no.kjernebro.api.audit.AuditPage;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.api.audit.StoredAuditRecord;
import no.kjernebro.auditreview.internal.access.Auditor;

/** {@code /records}: search (GET, or POST with the patient in the body), export and one record. */
final class RecordsResource {

    private static final Pattern REFERENCE = Pattern.compile("KJB-\\d{1,20}");

    private final ApiContext ctx;

    RecordsResource(ApiContext ctx) {
        this.ctx = ctx;
    }

    ApiResponse searchByQuery(ApiRequest request, Auditor auditor) throws AuditUnavailableException {
        RecordSearch search = RecordSearch.fromQuery(request.query(), ctx.pageSizes());
        return search(request, auditor, search, true);
    }

    ApiResponse searchByBody(ApiRequest request, Auditor auditor) throws AuditUnavailableException {
        if (!request.query().isEmpty()) {
            throw ApiProblem.badRequest("POST /records/search takes its filters in the JSON body, not the URL");
        }
        RecordSearch search = RecordSearch.fromBody(JsonBodies.read(request), ctx.pageSizes());
        return search(request, auditor, search, false);
    }

    private ApiResponse search(ApiRequest request, Auditor auditor, RecordSearch search, boolean linkable)
            throws AuditUnavailableException {
        ResultFormat format = ResultFormat.choose(search.format(), request.header("Accept"));
        AuditPage page = ctx.trail().search(search.query());
        String next = page.hasMore() && linkable ? nextLink(request.query(), page.nextCursor()) : null;
        String action = format == ResultFormat.JSON ? "search" : "export-" + format.parameter();
        ctx.recordAccess(auditor, search.query().chain(), search.query().patientId(), action,
                "søk i loggen: " + search.words() + "; format " + format.parameter() + "; "
                        + page.records().size() + " treff");
        ApiResponse response = render(format, page.records(), page, next);
        if (next != null) {
            response.withHeader("Link", "<" + next + ">; rel=\"next\"");
        }
        if (page.hasMore()) {
            response.withHeader("X-Next-Cursor", Long.toString(page.nextCursor()));
        }
        return response;
    }

    private ApiResponse render(ResultFormat format, List<StoredAuditRecord> records, AuditPage page, String next) {
        return switch (format) {
            case CSV -> ApiResponse.of(200, format.mediaType(),
                    Csv.write(RecordViews.COLUMNS, records.stream().map(RecordViews::row).toList()));
            case FHIR -> ApiResponse.of(200, format.mediaType(),
                    ctx.format().bundle(records, -1, next).getBytes(StandardCharsets.UTF_8));
            case JSON -> ApiJson.ok(ApiJson.object(
                    "count", records.size(),
                    "records", records.stream().map(RecordViews::json).toList(),
                    "nextCursor", page.hasMore() ? page.nextCursor() : null,
                    "next", next));
        };
    }

    ApiResponse one(ApiRequest request, Auditor auditor, String reference) throws AuditUnavailableException {
        Parameters p = new Parameters(request.query(), java.util.Set.of("format"));
        if (!REFERENCE.matcher(reference).matches()) {
            throw ApiProblem.badRequest("a record reference looks like KJB-000000000042; got '"
                    + Words.clip(reference) + "'");
        }
        ResultFormat format = ResultFormat.choose(p.raw("format"), request.header("Accept"));
        StoredAuditRecord record = ctx.trail().find(reference)
                .orElseThrow(() -> ApiProblem.notFound("no record with reference " + reference));
        ctx.recordAccess(auditor, record.chain(), record.entry().patientId(), "read",
                "les post " + reference + "; format " + format.parameter());
        return switch (format) {
            case CSV -> ApiResponse.of(200, format.mediaType(),
                    Csv.write(RecordViews.COLUMNS, List.of(RecordViews.row(record))));
            case FHIR -> ApiResponse.of(200, format.mediaType(),
                    ctx.format().auditEvent(record).getBytes(StandardCharsets.UTF_8));
            case JSON -> ApiJson.ok(RecordViews.json(record));
        };
    }

    private String nextLink(Map<String, String> query, long cursor) {
        StringBuilder link = new StringBuilder(ctx.basePath()).append("/records?");
        query.forEach((name, value) -> {
            if (!name.equals("etter")) {
                link.append(encode(name)).append('=').append(encode(value)).append('&');
            }
        });
        return link.append("etter=").append(cursor).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
