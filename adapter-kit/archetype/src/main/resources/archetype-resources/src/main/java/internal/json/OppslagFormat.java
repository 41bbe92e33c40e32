package ${package}.internal.json;

/** Names fixed by the ${adapterId} dialect. */
public final class OppslagFormat {

    /** The adapter id: service property, route-id prefix and path segment. */
    public static final String ADAPTER_ID = "${adapterId}";

    /** Where the EPJ posts its lookups (an identity number never goes into the path). */
    public static final String PATH = "/kjernebro/" + ADAPTER_ID + "/v1/oppslag";

    public static final String API_KEY_HEADER = "X-Api-Key";

    /** Header carrying the user's HelseID access token. */
    public static final String USER_TOKEN_HEADER = "X-HelseID-Brukertoken";

    public static final String RESPONSE_CONTENT_TYPE = "application/json; charset=UTF-8";

    private OppslagFormat() {
    }
}
