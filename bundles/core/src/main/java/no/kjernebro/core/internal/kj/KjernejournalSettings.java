package no.kjernebro.core.internal.kj;

/**
 * Where kjernejournal and HelseID are and how patient the client is with them.
 *
 * @param tokenUrl HelseID token endpoint; also the audience of the client assertion
 * @param baseUrl kjernejournal API base, without trailing slash
 * @param legemiddelHistorikkMaaneder how many months of medication history to ask for
 * @param tokenRefreshMarginSeconds a cached system token is renewed this long before it expires
 * @param legemiddelvarslingPath path of Legemiddelvarsling under {@code baseUrl}
 * @param legemiddelvarslingMaxBatchSize most patients kjernejournal accepts in one Legemiddelvarsling request
 */
public record KjernejournalSettings(
        String tokenUrl,
        String baseUrl,
        int connectTimeoutMs,
        int responseTimeoutMs,
        int legemiddelHistorikkMaaneder,
        int tokenRefreshMarginSeconds,
        String epjSystemHeader,
        String scope,
        String legemiddelvarslingPath,
        int legemiddelvarslingMaxBatchSize) {

    public static final String DEFAULT_TOKEN_URL = "http://localhost:8190/connect/token";
    public static final String DEFAULT_BASE_URL = "http://localhost:8190";
    /** The simulator's path; verify against NHN's documentation before pointing at NHN. */
    public static final String DEFAULT_LEGEMIDDELVARSLING_PATH = "/v1/legemiddelvarsling";
    public static final int DEFAULT_LEGEMIDDELVARSLING_MAX_BATCH_SIZE = 100;

    public KjernejournalSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        legemiddelvarslingPath = legemiddelvarslingPath == null || legemiddelvarslingPath.isBlank()
                ? DEFAULT_LEGEMIDDELVARSLING_PATH
                : (legemiddelvarslingPath.startsWith("/") ? legemiddelvarslingPath : "/" + legemiddelvarslingPath);
        if (legemiddelvarslingMaxBatchSize < 1) {
            throw new IllegalArgumentException("legemiddelvarsling.maxBatchSize must be at least 1");
        }
    }

    /** Settings with the default Legemiddelvarsling path and batch size. */
    public KjernejournalSettings(String tokenUrl, String baseUrl, int connectTimeoutMs, int responseTimeoutMs,
                                 int legemiddelHistorikkMaaneder, int tokenRefreshMarginSeconds,
                                 String epjSystemHeader, String scope) {
        this(tokenUrl, baseUrl, connectTimeoutMs, responseTimeoutMs, legemiddelHistorikkMaaneder,
                tokenRefreshMarginSeconds, epjSystemHeader, scope, DEFAULT_LEGEMIDDELVARSLING_PATH,
                DEFAULT_LEGEMIDDELVARSLING_MAX_BATCH_SIZE);
    }

    static KjernejournalSettings of(KjernejournalConfiguration c) {
        return new KjernejournalSettings(c.helseid_tokenUrl(), c.kj_baseUrl(), c.connectTimeoutMs(),
                c.responseTimeoutMs(), c.legemiddelHistorikkMaaneder(), c.tokenRefreshMarginSeconds(),
                c.epjSystemHeader(), c.scope(), c.legemiddelvarsling_path(), c.legemiddelvarsling_maxBatchSize());
    }
}
