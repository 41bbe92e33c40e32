package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import java.util.Locale;

/**
 * The dialect's error body, in the shape of RFC 9457 problem details: {@code type} and
 * {@code errorCode} are stable, {@code detail} is for people. Any identity number in a message is
 * masked: an error never names the patient.
 */
public final class ProblemWriter {

    static final String TYPE_PREFIX = "urn:kjernebro:hjemmetjeneste-json:problem:";

    private ProblemWriter() {
    }

    /**
     * @param code an ErrorCode or SweepError name
     * @param outcome REFUSED or FAILED as core decided it, or null when core was not asked
     */
    public static byte[] write(String code, int status, String title, String detail, String outcome,
                               String requestId, String auditRef) {
        return JsonOut.object(out -> out
                .text("type", TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-'))
                .text("title", title)
                .number("status", status)
                .text("errorCode", code)
                .text("detail", IdentityMasking.mask(detail == null || detail.isBlank() ? title : detail))
                .text("outcome", outcome)
                .text("requestId", requestId)
                .text("auditRef", auditRef));
    }
}
