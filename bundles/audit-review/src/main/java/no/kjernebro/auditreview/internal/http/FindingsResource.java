package no.kjernebro.auditreview.internal.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.auditreview.internal.access.Auditor;
import no.kjernebro.auditreview.internal.rules.Finding;
import no.kjernebro.auditreview.internal.rules.Findings;

/** {@code /findings}: what the review rules flagged, and the auditors' follow-up. */
final class FindingsResource {

    static final int MAX_COMMENT = 2000;
    private static final Pattern RULE = Pattern.compile("[A-Z_]{1,40}");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    private final ApiContext ctx;

    FindingsResource(ApiContext ctx) {
        this.ctx = ctx;
    }

    ApiResponse list(ApiRequest request, Auditor auditor) throws AuditUnavailableException {
        Parameters p = new Parameters(request.query(), Set.of("kommune", "status", "regel", "etter", "antall"));
        String kommune = p.matching("kommune", Parameters.KOMMUNENUMMER, "a kommunenummer (4 digits)");
        Finding.Status status = p.oneOf("status", Finding.Status.class);
        String rule = p.matching("regel", RULE, "a rule id such as HPAKUTT or HIGH_VOLUME");
        long after = p.number("etter", 0, Long.MAX_VALUE, 0);
        int limit = (int) p.number("antall", 1, ctx.pageSizes().max(), ctx.pageSizes().standard());
        List<Finding> findings = ctx.requireFindings().list(kommune, status, rule, after, limit);
        Long next = findings.size() == limit ? findings.get(findings.size() - 1).id() : null;
        ctx.recordAccess(auditor, kommune, null, "findings", "funn: kommune=" + (kommune == null ? "alle" : kommune)
                + ", status=" + (status == null ? "alle" : status) + ", regel=" + (rule == null ? "alle" : rule)
                + ", etter=" + after + ", antall=" + limit + "; " + findings.size() + " treff");
        return ApiJson.ok(ApiJson.object("count", findings.size(),
                "findings", findings.stream().map(FindingsResource::json).toList(), "nextCursor", next));
    }

    ApiResponse one(ApiRequest request, Auditor auditor, String id) throws AuditUnavailableException {
        new Parameters(request.query(), Set.of());
        Finding finding = find(id);
        ctx.recordAccess(auditor, finding.kommunenummer(), finding.patientId(), "finding", "les funn " + id);
        return ApiJson.ok(json(finding));
    }

    /** The AUDIT_REVIEW record is committed by {@link Findings#markReviewed} before anything changes. */
    ApiResponse review(ApiRequest request, Auditor auditor, String id) throws AuditUnavailableException {
        new Parameters(request.query(), Set.of());
        Parameters body = new Parameters(JsonBodies.read(request), Set.of("kommentar"));
        String comment = body.raw("kommentar");
        if (comment == null || comment.isBlank()) {
            throw ApiProblem.badRequest("kommentar is required: say what was checked and concluded");
        }
        if (comment.length() > MAX_COMMENT) {
            throw ApiProblem.badRequest("kommentar is longer than " + MAX_COMMENT + " characters");
        }
        Finding finding = find(id);
        if (finding.status() == Finding.Status.REVIEWED) {
            throw new ApiProblem(409, "Conflict", "finding " + id + " was already reviewed by "
                    + finding.reviewedBy());
        }
        try {
            return ApiJson.ok(json(ctx.requireFindings().markReviewed(finding.id(), auditor.name(), comment)));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(409, "Conflict", "finding " + id + " could not be marked reviewed: "
                    + Words.maskIdentityNumbers(String.valueOf(e.getMessage())));
        }
    }

    ApiResponse evaluate(ApiRequest request, Auditor auditor) throws AuditUnavailableException {
        new Parameters(request.query(), Set.of());
        Parameters body = new Parameters(JsonBodies.read(request), Set.of("kommune", "fra", "til"));
        String kommune = body.matching("kommune", Parameters.KOMMUNENUMMER, "a kommunenummer (4 digits)");
        Instant from = body.moment("fra", false);
        Instant to = body.moment("til", true);
        if (kommune == null || from == null || to == null) {
            throw ApiProblem.badRequest("kommune, fra and til are all required");
        }
        if (!from.isBefore(to)) {
            throw ApiProblem.badRequest("fra must be before til");
        }
        List<Finding> findings;
        try {
            findings = ctx.requireFindings().evaluate(kommune, from, to);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(Words.maskIdentityNumbers(String.valueOf(e.getMessage())));
        }
        ctx.recordAccess(auditor, kommune, null, "findings-evaluate", "kjør kontrollregler for kommune " + kommune
                + " fra " + from + " til " + to + "; " + findings.size() + " nye funn");
        return ApiJson.ok(ApiJson.object("count", findings.size(),
                "findings", findings.stream().map(FindingsResource::json).toList()));
    }

    private Finding find(String id) throws AuditUnavailableException {
        if (!ID.matcher(id).matches()) {
            throw ApiProblem.badRequest("a finding id is a number; got '" + Words.clip(id) + "'");
        }
        return ctx.requireFindings().get(Long.parseLong(id))
                .orElseThrow(() -> ApiProblem.notFound("no finding with id " + id));
    }

    static Map<String, Object> json(Finding f) {
        return ApiJson.object("id", f.id(), "kommunenummer", f.kommunenummer(), "rule", f.rule(),
                "actorId", f.actorId(), "patientId", f.patientId(), "references", f.references(),
                "detectedAt", f.detectedAt(), "description", f.description(), "status", f.status().name(),
                "reviewedBy", f.reviewedBy(), "reviewedAt", f.reviewedAt(), "comment", f.comment());
    }
}
