package no.kjernebro.core.internal.helseid;

import java.time.Duration;

/**
 * How the token client reaches HelseID and which multi-tenant client it may act with.
 *
 * @param tokenRefreshMarginSeconds a cached token is renewed this long before it expires (at most half its lifetime)
 * @param dpop whether system tokens are requested DPoP-bound unless a tenant says otherwise
 * @param dpopAlgorithm RS256 or ES256 for generated DPoP keys
 * @param multiTenantClientId the shared client's id, or empty when there is none
 * @param multiTenantKeyFile its key file, or empty
 */
public record HelseIdSettings(
        String tokenUrl,
        String scope,
        int tokenRefreshMarginSeconds,
        Duration connectTimeout,
        Duration responseTimeout,
        boolean dpop,
        String dpopAlgorithm,
        String multiTenantClientId,
        String multiTenantKeyFile,
        String multiTenantKeyId,
        String multiTenantDpopKeyFile) {

    public static final String DEFAULT_TOKEN_URL = "http://localhost:8190/connect/token";
    public static final String DEFAULT_SCOPE = "nhn:kjernejournal/api";

    public HelseIdSettings {
        if (!SigningKey.RS256.equals(dpopAlgorithm) && !SigningKey.ES256.equals(dpopAlgorithm)) {
            throw new IllegalArgumentException("helseid.dpopAlgorithm must be RS256 or ES256, not '" + dpopAlgorithm + "'");
        }
        multiTenantClientId = blankToEmpty(multiTenantClientId);
        multiTenantKeyFile = blankToEmpty(multiTenantKeyFile);
        multiTenantKeyId = blankToEmpty(multiTenantKeyId);
        multiTenantDpopKeyFile = blankToEmpty(multiTenantDpopKeyFile);
    }

    /** Settings for a token endpoint with the simulator's defaults otherwise (tests). */
    public static HelseIdSettings of(String tokenUrl, boolean dpop) {
        return new HelseIdSettings(tokenUrl, DEFAULT_SCOPE, 60, Duration.ofSeconds(2), Duration.ofSeconds(5), dpop,
                SigningKey.RS256, "", "", "", "");
    }

    static HelseIdSettings of(HelseIdConfiguration c) {
        int connect = c.helseid_connectTimeoutMs() >= 0 ? c.helseid_connectTimeoutMs() : c.connectTimeoutMs();
        int response = c.helseid_responseTimeoutMs() >= 0 ? c.helseid_responseTimeoutMs() : c.responseTimeoutMs();
        return new HelseIdSettings(c.helseid_tokenUrl().trim(), c.scope().trim(), Math.max(0, c.tokenRefreshMarginSeconds()),
                Duration.ofMillis(Math.max(1, connect)), Duration.ofMillis(Math.max(1, response)), c.helseid_dpop(),
                c.helseid_dpopAlgorithm().trim(), c.helseid_multiTenant_clientId(), c.helseid_multiTenant_keyFile(),
                c.helseid_multiTenant_keyId(), c.helseid_multiTenant_dpopKeyFile());
    }

    HelseIdSettings withMultiTenantClient(String clientId, String keyFile) {
        return new HelseIdSettings(tokenUrl, scope, tokenRefreshMarginSeconds, connectTimeout, responseTimeout, dpop,
                dpopAlgorithm, clientId, keyFile, multiTenantKeyId, multiTenantDpopKeyFile);
    }

    HelseIdSettings withRefreshMargin(int seconds) {
        return new HelseIdSettings(tokenUrl, scope, seconds, connectTimeout, responseTimeout, dpop,
                dpopAlgorithm, multiTenantClientId, multiTenantKeyFile, multiTenantKeyId, multiTenantDpopKeyFile);
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
