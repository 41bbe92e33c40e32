package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kjernebro.api.lookup.ErrorCode;

/**
 * Reading answers from NHN defensively: anything that is not the JSON object expected becomes
 * KJERNEJOURNAL_REJECTED with a message for operators. Messages never quote the body (it may hold
 * patient data); quoted error texts have every run of 11 digits masked.
 */
final class Answers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_TEXT = 200;

    private Answers() {
    }

    /** The body as a JSON object. */
    static JsonNode json(HttpAnswer answer, String what) throws KjernejournalException {
        if (answer.html()) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, what + ": HTTP " + answer.status()
                    + " with an HTML page instead of JSON (" + answer.body().length() + " chars); a proxy or gateway "
                    + "may be answering for NHN");
        }
        JsonNode node;
        try {
            node = JSON.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, what + ": HTTP " + answer.status()
                    + " with a body that is not JSON (" + answer.body().length() + " chars, "
                    + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, what + ": HTTP " + answer.status()
                    + " with JSON that is not an object");
        }
        return node;
    }

    /** A non-2xx answer the caller has no special meaning for. */
    static KjernejournalException refused(HttpAnswer answer, String what) {
        return new KjernejournalException(ErrorCode.KJERNEJOURNAL_REJECTED, what + ": NHN answered "
                + describe(answer));
    }

    /** "400 invalid_request - fra must be ..." from an OAuth error or a FHIR OperationOutcome, if any. */
    static String describe(HttpAnswer answer) {
        String detail = null;
        if (!answer.html()) {
            try {
                JsonNode json = JSON.readTree(answer.body());
                if (json != null && json.has("error")) {
                    detail = json.path("error").asText() + (json.has("error_description")
                            ? " - " + json.path("error_description").asText() : "");
                } else if (json != null && "OperationOutcome".equals(Nodes.text(json, "resourceType"))) {
                    String text = Nodes.text(json, "issue", 0, "details", "text");
                    detail = "OperationOutcome " + Nodes.text(json, "issue", 0, "code")
                            + (text != null ? " - " + text : "");
                }
            } catch (JsonProcessingException e) {
                detail = null; // the status says enough
            }
        } else {
            detail = "an HTML page";
        }
        return answer.status() + (detail == null ? "" : " " + redact(detail));
    }

    static String redact(String text) {
        String masked = text.replaceAll("\\d{11}", "***********");
        return masked.length() > MAX_ERROR_TEXT ? masked.substring(0, MAX_ERROR_TEXT) + "..." : masked;
    }
}
