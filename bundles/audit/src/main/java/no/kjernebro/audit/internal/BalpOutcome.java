package no.kjernebro.audit.internal;

import static no.kjernebro.audit.internal.BalpCodes.coding;
import static no.kjernebro.audit.internal.BalpCodes.putIfPresent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Outcome;

/**
 * How an event ended. FHIR R4 outcome codes: 0 success, 4 minor failure (a refusal: nothing was
 * fetched), 8 serious failure (allowed but not completed), 12 major failure (an unexpected internal
 * error). A refusal or failure also carries an OperationOutcome with Kjernebro's error code and the
 * reason, as BALP asks of failure events.
 */
final class BalpOutcome {

    static final String CONTAINED_ID = "outcome";

    private BalpOutcome() {
    }

    static String code(AuditEntry e) {
        return switch (e.outcome()) {
            case ALLOWED -> "0";
            case REFUSED -> "4";
            case FAILED -> ErrorCode.INTERNAL_ERROR.name().equals(e.reasonCode()) ? "12" : "8";
        };
    }

    /** {@code REFUSED POLICY_DENIED: reason}: readable without a code table. */
    static String description(AuditEntry e) {
        String text = e.reasonCode() == null ? e.outcome().name() : e.outcome() + " " + e.reasonCode();
        return e.reason() == null ? text : text + ": " + e.reason();
    }

    static boolean needsOperationOutcome(AuditEntry e) {
        return e.outcome() != Outcome.ALLOWED;
    }

    /** The contained OperationOutcome of a refusal or failure. */
    static void operationOutcome(ObjectNode resource, AuditEntry e) {
        resource.put("resourceType", "OperationOutcome");
        resource.put("id", CONTAINED_ID);
        ObjectNode issue = resource.putArray("issue").addObject();
        issue.put("severity", "error");
        issue.put("code", issueType(e));
        if (e.reasonCode() != null) {
            ObjectNode details = issue.putObject("details");
            coding(details.putArray("coding").addObject(), BalpCodes.ERROR_CODE, e.reasonCode(), null);
            putIfPresent(details, "text", errorDescription(e.reasonCode()));
        }
        putIfPresent(issue, "diagnostics", e.reason());
    }

    /** The FHIR issue type, from the HTTP status Kjernebro suggests for the error code. */
    private static String issueType(AuditEntry e) {
        ErrorCode code = errorCode(e.reasonCode());
        if (code == null) {
            return e.outcome() == Outcome.REFUSED ? "forbidden" : "exception";
        }
        return switch (code.httpStatus()) {
            case 400, 413, 415, 422 -> "invalid";
            case 401 -> "login";
            case 403 -> "forbidden";
            case 429 -> "throttled";
            case 502, 503 -> "transient";
            default -> "exception";
        };
    }

    private static String errorDescription(String reasonCode) {
        ErrorCode code = errorCode(reasonCode);
        return code == null ? null : code.description();
    }

    private static ErrorCode errorCode(String name) {
        if (name == null) {
            return null;
        }
        try {
            return ErrorCode.valueOf(name);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
