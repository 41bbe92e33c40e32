package no.kjernebro.core.internal.helseid;

import java.time.Duration;

/**
 * What a user token from an EPJ must satisfy besides its signature.
 *
 * @param issuer the HelseID issuer ({@code iss}); compared without a trailing slash
 * @param audience an audience the token must name ({@code aud})
 * @param securityLevel the {@code helseid://claims/identity/security_level} required
 * @param clockSkew tolerance for {@code exp} and {@code nbf}
 */
public record UserTokenRules(String issuer, String audience, String securityLevel, Duration clockSkew) {

    /** The bundled simulator; NHN's test environment is {@code https://helseid-sts.test.nhn.no}. */
    public static final String DEFAULT_ISSUER = "http://localhost:8190";
    public static final String DEFAULT_AUDIENCE = "nhn:kjernejournal";

    public UserTokenRules {
        issuer = withoutTrailingSlash(issuer.trim());
    }

    public static UserTokenRules of(String issuer) {
        return new UserTokenRules(issuer, DEFAULT_AUDIENCE, "4", Duration.ofSeconds(30));
    }

    static UserTokenRules of(HelseIdConfiguration c) {
        return new UserTokenRules(c.helseid_issuer(), c.helseid_userToken_audience().trim(),
                c.helseid_userToken_securityLevel().trim(), Duration.ofSeconds(Math.max(0, c.helseid_userToken_clockSkewSeconds())));
    }

    static String withoutTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
