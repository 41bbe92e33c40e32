package no.kjernebro.adapter.forvaltningfil.internal.json;

/** Names fixed by the forvaltning-fil dialect (documented in docs/adapters/forvaltning-fil.md). */
public final class ForvaltningFormat {

    /** The adapter id: service property, route-id prefix, audit records' adapter. */
    public static final String ADAPTER_ID = "forvaltning-fil";

    /** Default upper bound for one request file; a request with a user token is well under 8 KiB. */
    public static final int DEFAULT_MAX_BYTES = 32 * 1024;

    /** Deepest JSON nesting accepted; the dialect itself needs two levels. */
    public static final int MAX_DEPTH = 8;

    /** Only files with this ending are requests; the case system writes {@code <name>.tmp} first. */
    public static final String REQUEST_SUFFIX = ".json";

    public static final String SVAR_SUFFIX = ".svar.json";
    public static final String FEIL_SUFFIX = ".feil.json";

    /** The dialect's own error code for a file that was received before (not a core ErrorCode). */
    public static final String DUPLICATE = "DUPLICATE";

    /** The saksnummer stand-in in the correlation id when a request names no usable one. */
    public static final String NO_CASE = "UTEN-SAKSNUMMER";

    private ForvaltningFormat() {
    }

    /**
     * The correlation id that reaches the audit record: {@code <saksnummer>/<meldingsId>}. A meldingsId
     * never contains '/', so the case reference is everything before the last '/'.
     */
    public static String correlationId(String saksnummer, String meldingsId) {
        return (saksnummer == null ? NO_CASE : saksnummer) + "/" + meldingsId;
    }
}
