package no.kjernebro.core.internal.kj;

/**
 * Where kjernejournal and HelseID are and how patient the client is with them.
 *
 * @param tokenUrl HelseID token endpoint; also the audience of the client assertion
 * @param baseUrl kjernejournal API base, without trailing slash
 * @param legemiddelHistorikkMaaneder how many months of medication history to ask for
 * @param tokenRefreshMarginSeconds a cached system token is renewed this long before it expires
 */
public record KjernejournalSettings(
        String tokenUrl,
        String baseUrl,
        int connectTimeoutMs,
        int responseTimeoutMs,
        int legemiddelHistorikkMaaneder,
        int tokenRefreshMarginSeconds,
        String epjSystemHeader,
        String scope) {

    public static final String DEFAULT_TOKEN_URL = "http://localhost:8190/connect/token";
    public static final String DEFAULT_BASE_URL = "http://localhost:8190";

    public KjernejournalSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    static KjernejournalSettings of(KjernejournalConfiguration c) {
        return new KjernejournalSettings(c.helseid_tokenUrl(), c.kj_baseUrl(), c.connectTimeoutMs(),
                c.responseTimeoutMs(), c.legemiddelHistorikkMaaneder(), c.tokenRefreshMarginSeconds(),
                c.epjSystemHeader(), c.scope());
    }
}
