package no.kjernebro.api.lookup;

/**
 * The credential the calling EPJ presented (bearer token or API key). Core checks it against the
 * tenant's stored hash; adapters only pass it on. {@link #toString()} never shows the secret.
 */
public record CallerCredential(Scheme scheme, String secret) {

    public enum Scheme { BEARER, API_KEY }

    /** Reads an {@code Authorization: Bearer ...} header or an {@code X-Api-Key} header; null if neither. */
    public static CallerCredential fromHeaders(String authorization, String apiKey) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            return token.isEmpty() ? null : new CallerCredential(Scheme.BEARER, token);
        }
        if (apiKey != null && !apiKey.isBlank()) {
            return new CallerCredential(Scheme.API_KEY, apiKey.trim());
        }
        return null;
    }

    @Override
    public String toString() {
        return "CallerCredential[" + scheme + ", ****]";
    }
}
