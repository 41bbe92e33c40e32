package no.kjernebro.simulator.internal.helseid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.http.Json;
import no.kjernebro.simulator.internal.jwt.Jwt;
import no.kjernebro.simulator.internal.jwt.JwtException;
import no.kjernebro.simulator.internal.jwt.SigningKey;

/** Issues the simulator's HelseID access tokens and checks the ones presented to kjernejournal. */
public final class AccessTokens {

    public static final String AUDIENCE = "nhn:kjernejournal";
    public static final String SCOPE = "nhn:kjernejournal/api";
    public static final String CLAIM_ORGNR = "helseid://claims/client/claims/orgnr_parent";
    public static final String CLAIM_PID = "helseid://claims/identity/pid";
    public static final String CLAIM_SECURITY_LEVEL = "helseid://claims/identity/security_level";
    public static final String CLAIM_HPR = "helseid://claims/hpr/hpr_number";

    static final Duration SYSTEM_TOKEN_TTL = Duration.ofSeconds(600);
    static final Duration USER_TOKEN_TTL = Duration.ofSeconds(3600);

    private final SigningKey key;
    private final String issuer;
    private final Clock clock;

    public AccessTokens(SigningKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** A system token for a client, acting for {@code orgnr} (may be null when the request named none). */
    String issueSystemToken(String clientId, String orgnr) {
        ObjectNode claims = baseClaims(SYSTEM_TOKEN_TTL).put("sub", clientId).put("client_id", clientId);
        if (orgnr != null) {
            claims.put(CLAIM_ORGNR, orgnr);
        }
        return key.sign(claims);
    }

    /** A user token at security level 4 for a person of the dataset. */
    String issueUserToken(Dataset.Person person, String orgnr) {
        ObjectNode claims = baseClaims(USER_TOKEN_TTL)
                .put("sub", person.subject())
                .put("name", person.navn())
                .put(CLAIM_PID, person.pid())
                .put(CLAIM_SECURITY_LEVEL, "4");
        if (person.hprNumber() != null) {
            claims.put(CLAIM_HPR, person.hprNumber());
        }
        if (orgnr != null) {
            claims.put(CLAIM_ORGNR, orgnr);
        }
        return key.sign(claims);
    }

    /**
     * Checks an {@code Authorization} header value.
     *
     * @throws HttpProblem 401 invalid_token for a missing, malformed, badly signed, expired or foreign token
     */
    public VerifiedToken verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw HttpProblem.invalidToken("a bearer token is required");
        }
        Jwt jwt;
        try {
            jwt = Jwt.parse(authorization.substring(7).trim()).verify(key.publicKey());
        } catch (JwtException e) {
            throw HttpProblem.invalidToken(e.getMessage());
        }
        Long exp = jwt.epochSeconds("exp");
        if (exp == null || exp <= clock.instant().getEpochSecond()) {
            throw HttpProblem.invalidToken("the token has expired");
        }
        if (!jwt.hasAudience(AUDIENCE)) {
            throw HttpProblem.invalidToken("the token is not for " + AUDIENCE);
        }
        if (!hasScope(jwt.claims().get("scope"))) {
            throw HttpProblem.invalidToken("the token lacks scope " + SCOPE);
        }
        return new VerifiedToken(jwt.claims());
    }

    private ObjectNode baseClaims(Duration ttl) {
        long now = clock.instant().getEpochSecond();
        return Json.object()
                .put("iss", issuer)
                .put("aud", AUDIENCE)
                .put("scope", SCOPE)
                .put("iat", now)
                .put("nbf", now)
                .put("exp", now + ttl.toSeconds())
                .put("jti", UUID.randomUUID().toString());
    }

    private static boolean hasScope(JsonNode scope) {
        if (scope == null) {
            return false;
        }
        if (scope.isArray()) {
            for (JsonNode each : scope) {
                if (SCOPE.equals(each.asText())) {
                    return true;
                }
            }
            return false;
        }
        for (String each : scope.asText().split(" ")) {
            if (SCOPE.equals(each)) {
                return true;
            }
        }
        return false;
    }

    /** The claims of a token this simulator issued and that is still valid. */
    public record VerifiedToken(ObjectNode claims) {

        /** A user token carries the security level of an authenticated person; a system token does not. */
        public boolean isUserToken() {
            JsonNode level = claims.get(CLAIM_SECURITY_LEVEL);
            return level != null && "4".equals(level.asText());
        }

        /** The organisation number the token acts for, or null. */
        public String orgnr() {
            return Json.text(claims, CLAIM_ORGNR);
        }

        public void requireSystemToken() {
            if (isUserToken() || claims.get(CLAIM_PID) != null) {
                throw HttpProblem.oauth(403, "insufficient_scope", "this endpoint needs a system token (client credentials)");
            }
        }

        public void requireUserToken() {
            if (!isUserToken()) {
                throw HttpProblem.oauth(403, "insufficient_scope", "this endpoint needs a user token at security level 4");
            }
        }
    }
}
