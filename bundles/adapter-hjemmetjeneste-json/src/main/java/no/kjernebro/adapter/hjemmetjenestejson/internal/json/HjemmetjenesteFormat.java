package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

/** Names fixed by the hjemmetjeneste-json dialect (docs/adapters/hjemmetjeneste-json.md). */
public final class HjemmetjenesteFormat {

    /** The adapter id: service property, route-id prefix and path segment. */
    public static final String ADAPTER_ID = "hjemmetjeneste-json";

    /** Every path of the dialect starts with this. */
    public static final String BASE_PATH = "/kjernebro/" + ADAPTER_ID + "/v1";

    public static final String API_KEY_HEADER = "X-Api-Key";

    /** The nurse's HelseID access token, which the handheld got when she logged in. */
    public static final String USER_TOKEN_HEADER = "X-User-Access-Token";

    /** Which EPJ calls ("Omsorg Mobil/24.2"), for the audit trail of sweep requests. */
    public static final String CLIENT_SYSTEM_HEADER = "X-Client-System";

    public static final String JSON = "application/json; charset=UTF-8";
    public static final String PROBLEM_JSON = "application/problem+json; charset=UTF-8";

    /** Default upper bound of a lookup body; a lookup is well under 2 KiB. */
    public static final int DEFAULT_MAX_LOOKUP_BYTES = 64 * 1024;

    /** Default upper bound of a patient list: 350,000 patients are about 11 MB. */
    public static final long DEFAULT_MAX_LIST_BYTES = 20L * 1024 * 1024;

    private HjemmetjenesteFormat() {
    }
}
