package no.kjernebro.simulator.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/** The bodies fault injection answers with, in the style of the API concerned. */
final class FaultAnswers {

    private FaultAnswers() {
    }

    /** An NHN-style error: a FHIR OperationOutcome for FHIR APIs, OAuth-style JSON for the others. */
    static HttpProblem error(Api api, int status, String text) {
        if (api.fhir()) {
            ObjectNode outcome = Json.operationOutcome(fhirCode(status), text + " (HTTP " + status + ")");
            return HttpProblem.of(status, outcome, Responses.FHIR_JSON);
        }
        HttpProblem problem = HttpProblem.of(status, Json.error(oauthCode(api, status), text + " (HTTP " + status + ")"),
                Responses.JSON);
        if (status == 401) {
            problem.withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        return problem;
    }

    /** Cuts a JSON body in half so it cannot be parsed (at least one byte goes). */
    static byte[] truncate(byte[] body) {
        return Arrays.copyOf(body, body.length <= 1 ? 0 : Math.max(1, body.length / 2));
    }

    /**
     * Inserts whitespace before the final closing brace or bracket (or appends it): JSON ignores
     * whitespace between tokens, so the body means the same and is merely huge.
     */
    static byte[] pad(byte[] body, int extraBytes) {
        int insertAt = body.length;
        for (int i = body.length - 1; i >= 0; i--) {
            if (body[i] == '}' || body[i] == ']') {
                insertAt = i;
                break;
            }
        }
        byte[] padded = new byte[body.length + extraBytes];
        System.arraycopy(body, 0, padded, 0, insertAt);
        Arrays.fill(padded, insertAt, insertAt + extraBytes, (byte) ' ');
        System.arraycopy(body, insertAt, padded, insertAt + extraBytes, body.length - insertAt);
        return padded;
    }

    private static String fhirCode(int status) {
        if (status == 429) {
            return "throttled";
        }
        if (status == 504) {
            return "timeout";
        }
        return status >= 500 ? "transient" : status == 401 ? "login" : status == 403 ? "forbidden"
                : status == 404 ? "not-found" : "processing";
    }

    private static String oauthCode(Api api, int status) {
        if (status == 429) {
            return "too_many_requests";
        }
        if (status == 503 || status == 504) {
            return "temporarily_unavailable";
        }
        if (status >= 500) {
            return "server_error";
        }
        return switch (status) {
            case 401 -> api == Api.HELSEID_TOKEN ? "invalid_client" : "invalid_token";
            case 403 -> "access_denied";
            default -> "invalid_request";
        };
    }
}
