package no.kjernebro.core.internal.kj;

/**
 * The national APIs Kjernebro calls. Each has its own timeouts, response cap and circuit breaker, so
 * a slow medication service does not take critical information down with it.
 */
public enum Upstream {
    HELSEINDIKATOR("helseindikator", false),
    FHIR("fhir", true),
    LEGEMIDLER("legemidler", true),
    LEGEMIDDELVARSLING("legemiddelvarsling", false),
    /** HelseID's token endpoint; the call itself is the HelseID client's, the breaker is ours. */
    HELSEID_TOKEN("helseid-token", true);

    private final String key;
    private final boolean idempotent;

    Upstream(String key, boolean idempotent) {
        this.key = key;
        this.idempotent = idempotent;
    }

    /** The name in configuration keys ({@code <key>.responseTimeoutMs}) and log lines. */
    public String key() {
        return key;
    }

    /**
     * True when repeating a call cannot change anything at NHN (GETs; the token request). The POSTs are
     * never retried: Legemiddelvarsling moves the client's "last checked" point, and a repeated
     * Helseindikator call is a second access in NHN's own log.
     */
    public boolean idempotent() {
        return idempotent;
    }
}
