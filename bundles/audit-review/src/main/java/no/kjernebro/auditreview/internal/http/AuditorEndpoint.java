package no.kjernebro.auditreview.internal.http;

import java.util.List;
import no.kjernebro.api.audit.AuditUnavailableException;
import no.kjernebro.auditreview.internal.access.Auditor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auditor API without its transport: authenticates, dispatches on method and path, and turns
 * every failure into a problem answer. Nothing unexpected ever reaches the caller as a stack trace;
 * a store that cannot record the auditor's access is a 503 with nothing shown.
 */
final class AuditorEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(AuditorEndpoint.class);

    private final BasicAuthentication authentication;
    private final RecordsResource records;
    private final ChainsResource chains;
    private final FindingsResource findings;
    private final ReportsResource reports;

    AuditorEndpoint(ApiContext ctx, BasicAuthentication authentication) {
        this.authentication = authentication;
        this.records = new RecordsResource(ctx);
        this.chains = new ChainsResource(ctx);
        this.findings = new FindingsResource(ctx);
        this.reports = new ReportsResource(ctx);
    }

    ApiResponse handle(ApiRequest request) {
        try {
            Auditor auditor = authentication.authenticate(request.header("Authorization"));
            return withCommonHeaders(dispatch(request, auditor));
        } catch (ApiProblem problem) {
            return withCommonHeaders(ApiJson.problem(problem));
        } catch (AuditUnavailableException e) {
            LOG.error("Auditor API: the audit store is unavailable: {}", e.getMessage());
            return withCommonHeaders(ApiJson.problem(new ApiProblem(503, "Service Unavailable",
                    "the audit log is unavailable; nothing can be shown until it is back")));
        } catch (RuntimeException e) {
            LOG.error("Auditor API: {} {} failed", request.method(), String.join("/", request.path()), e);
            return withCommonHeaders(ApiJson.problem(new ApiProblem(500, "Internal Server Error",
                    "the request could not be completed; the server log has the details")));
        }
    }

    private ApiResponse dispatch(ApiRequest request, Auditor auditor) throws AuditUnavailableException {
        List<String> p = request.path();
        String m = request.method();
        int n = p.size();
        String head = n == 0 ? "" : p.get(0);
        switch (head) {
            case "records" -> {
                if (n == 1) {
                    require(m, "GET");
                    return records.searchByQuery(request, auditor);
                }
                if (n == 2 && p.get(1).equals("search")) {
                    require(m, "POST");
                    return records.searchByBody(request, auditor);
                }
                if (n == 2) {
                    require(m, "GET");
                    return records.one(request, auditor, p.get(1));
                }
            }
            case "chains" -> {
                if (n == 1) {
                    require(m, "GET");
                    return chains.list(request, auditor);
                }
                if (n == 3 && p.get(2).equals("verify")) {
                    require(m, "POST");
                    return chains.verify(request, auditor, p.get(1));
                }
                if (n == 3 && p.get(2).equals("checkpoints")) {
                    require(m, "GET");
                    return chains.checkpoints(request, auditor, p.get(1));
                }
            }
            case "forwarding" -> {
                if (n == 1) {
                    require(m, "GET");
                    return chains.forwarding(request, auditor);
                }
            }
            case "findings" -> {
                if (n == 1) {
                    require(m, "GET");
                    return findings.list(request, auditor);
                }
                if (n == 2 && p.get(1).equals("evaluate")) {
                    require(m, "POST");
                    return findings.evaluate(request, auditor);
                }
                if (n == 2) {
                    require(m, "GET");
                    return findings.one(request, auditor, p.get(1));
                }
                if (n == 3 && p.get(2).equals("review")) {
                    require(m, "POST");
                    return findings.review(request, auditor, p.get(1));
                }
            }
            case "reports" -> {
                if (n == 2 && p.get(1).equals("patient-access")) {
                    require(m, "POST");
                    return reports.patientAccess(request, auditor);
                }
            }
            default -> {
                // falls through to 404
            }
        }
        throw ApiProblem.notFound("no such resource; see docs/auditor-api.md for the endpoints");
    }

    /** A 405 naming the allowed method unless the request used it. */
    private static void require(String method, String expected) {
        if (!method.equals(expected)) {
            throw new ApiProblem(405, "Method Not Allowed", "use " + expected + " here").header("Allow", expected);
        }
    }

    static ApiResponse withCommonHeaders(ApiResponse response) {
        // audit data must not linger in caches or be sniffed into something executable
        return response.withHeader("Cache-Control", "no-store")
                .withHeader("X-Content-Type-Options", "nosniff");
    }
}
