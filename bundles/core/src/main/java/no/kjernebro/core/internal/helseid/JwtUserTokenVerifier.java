package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import no.kjernebro.core.internal.kj.KjernejournalException;

/**
 * Verifies a HelseID user access token: an allowed asymmetric algorithm, a signature by a key of the
 * issuer's JWKS, then issuer, audience, expiry and not-before (with a small clock skew) and the
 * security level. Which person the token belongs to is the caller's check.
 */
public final class JwtUserTokenVerifier implements UserTokenVerifier {

    private static final int MAX_TOKEN_CHARS = 16 * 1024;
    private static final int MAX_QUOTED_CHARS = 80;

    private final UserTokenRules rules;
    private final IssuerKeys keys;
    private final Clock clock;

    public JwtUserTokenVerifier(UserTokenRules rules, IssuerKeys keys, Clock clock) {
        this.rules = rules;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public VerifiedUserToken verify(String token) throws InvalidUserTokenException, KjernejournalException {
        if (token == null || token.isBlank()) {
            throw new InvalidUserTokenException("the user token is missing");
        }
        SignedJwt jwt = token.length() > MAX_TOKEN_CHARS ? null : SignedJwt.parse(token);
        if (jwt == null) {
            throw new InvalidUserTokenException("the user token is not a signed JWT");
        }
        signature(jwt);
        JsonNode claims = jwt.claims();
        String issuer = claims.path("iss").asText("");
        if (!UserTokenRules.withoutTrailingSlash(issuer).equals(rules.issuer())) {
            throw new InvalidUserTokenException("the user token's issuer " + quote(issuer) + " is not " + rules.issuer());
        }
        if (!hasAudience(claims.get("aud"))) {
            throw new InvalidUserTokenException("the user token's audience does not include " + rules.audience());
        }
        lifetime(claims);
        String level = claims.path(VerifiedUserToken.SECURITY_LEVEL).asText("");
        if (!rules.securityLevel().equals(level)) {
            throw new InvalidUserTokenException("the user token's security level is "
                    + (level.isEmpty() ? "missing" : quote(level)) + ", " + rules.securityLevel() + " is required");
        }
        return new VerifiedUserToken(claims);
    }

    private void signature(SignedJwt jwt) throws InvalidUserTokenException, KjernejournalException {
        String alg = jwt.algorithm();
        if (!SignedJwt.ALLOWED_ALGORITHMS.contains(alg)) {
            throw new InvalidUserTokenException("the user token's algorithm " + quote(alg) + " is not allowed (only "
                    + String.join(", ", SignedJwt.ALLOWED_ALGORITHMS.stream().sorted().toList()) + ")");
        }
        if (jwt.header().has("crit")) {
            throw new InvalidUserTokenException("the user token has critical header parameters Kjernebro does not know");
        }
        List<VerificationKey> candidates = keys.keys(jwt.keyId());
        if (candidates.isEmpty()) {
            throw new InvalidUserTokenException("the user token's signing key " + quote(jwt.keyId())
                    + " is not in the issuer's JWKS");
        }
        for (VerificationKey key : candidates) {
            if (jwt.verifiedBy(key)) {
                return;
            }
        }
        throw new InvalidUserTokenException("the user token's signature does not verify with the issuer's keys");
    }

    private void lifetime(JsonNode claims) throws InvalidUserTokenException {
        Instant now = clock.instant();
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber()) {
            throw new InvalidUserTokenException("the user token has no expiry (exp)");
        }
        if (now.isAfter(Instant.ofEpochSecond(exp.asLong()).plus(rules.clockSkew()))) {
            throw new InvalidUserTokenException("the user token expired at " + Instant.ofEpochSecond(exp.asLong()));
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && !nbf.isNumber()) {
            throw new InvalidUserTokenException("the user token's nbf is not a number");
        }
        if (nbf != null && now.isBefore(Instant.ofEpochSecond(nbf.asLong()).minus(rules.clockSkew()))) {
            throw new InvalidUserTokenException("the user token is not valid before " + Instant.ofEpochSecond(nbf.asLong()));
        }
    }

    private boolean hasAudience(JsonNode aud) {
        if (aud == null) {
            return false;
        }
        if (aud.isArray()) {
            for (JsonNode each : aud) {
                if (rules.audience().equals(each.asText())) {
                    return true;
                }
            }
            return false;
        }
        return rules.audience().equals(aud.asText());
    }

    // Claim values come from whoever made the token: shortened and without control characters.
    private static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return "'" + (clean.length() > MAX_QUOTED_CHARS ? clean.substring(0, MAX_QUOTED_CHARS) + "..." : clean) + "'";
    }
}
