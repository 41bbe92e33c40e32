package no.kjernebro.simulator.internal.helseid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.dpop.DpopException;
import no.kjernebro.simulator.internal.dpop.DpopProofVerifier;
import no.kjernebro.simulator.internal.dpop.HttpTarget;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.http.Json;
import no.kjernebro.simulator.internal.http.Traffic;
import no.kjernebro.simulator.internal.jwt.JwsAlgorithm;
import no.kjernebro.simulator.internal.jwt.Jwt;
import no.kjernebro.simulator.internal.jwt.JwtException;
import no.kjernebro.simulator.internal.jwt.SigningKey;

/**
 * Issues the simulator's HelseID access tokens and checks the ones presented to kjernejournal:
 * signature, issuer, validity period, audience and scope, and for DPoP-bound tokens ({@code cnf.jkt})
 * the proof that must accompany every request (RFC 9449 §7).
 */
public final class AccessTokens {

    public static final String AUDIENCE = "nhn:kjernejournal";
    public static final String SCOPE = "nhn:kjernejournal/api";
    public static final String CLAIM_ORGNR = "helseid://claims/client/claims/orgnr_parent";
    public static final String CLAIM_ORGNR_CHILD = "helseid://claims/client/claims/orgnr_child";
    public static final String CLAIM_PID = "helseid://claims/identity/pid";
    public static final String CLAIM_SECURITY_LEVEL = "helseid://claims/identity/security_level";
    public static final String CLAIM_HPR = "helseid://claims/hpr/hpr_number";

    static final Duration SYSTEM_TOKEN_TTL = Duration.ofSeconds(600);
    static final Duration USER_TOKEN_TTL = Duration.ofSeconds(3600);
    private static final long CLOCK_SKEW_SECONDS = 10;
    private static final String ALGS = String.join(" ", JwsAlgorithm.names());

    private final SigningKey key;
    private SigningKey impostor; // made on first use: RSA key generation is slow
    private final String issuer;
    private final Clock clock;
    private final DpopProofVerifier dpop;
    private final boolean dpopRequired;
    private final Traffic traffic;

    /** Without DPoP checks at the resource servers (Bearer only). */
    public AccessTokens(SigningKey key, String issuer, Clock clock) {
        this(key, issuer, clock, null, false, null);
    }

    /**
     * @param dpop checks the proofs sent with DPoP-bound tokens to the resource servers
     * @param dpopRequired system tokens must be DPoP-bound at the resource servers
     */
    public AccessTokens(SigningKey key, String issuer, Clock clock, DpopProofVerifier dpop, boolean dpopRequired,
                        Traffic traffic) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
        this.dpop = dpop;
        this.dpopRequired = dpopRequired;
        this.traffic = traffic;
    }

    /**
     * A system token for a client.
     *
     * @param orgnr parent organisation it acts for; null when none
     * @param childOrgnr child organisation (unit); null when none
     * @param jkt thumbprint of the DPoP key the token is bound to; null for a Bearer token
     */
    String issueSystemToken(String clientId, String orgnr, String childOrgnr, String jkt) {
        ObjectNode claims = baseClaims(SYSTEM_TOKEN_TTL).put("sub", clientId).put("client_id", clientId);
        if (orgnr != null) {
            claims.put(CLAIM_ORGNR, orgnr);
        }
        if (childOrgnr != null) {
            claims.put(CLAIM_ORGNR_CHILD, childOrgnr);
        }
        bind(claims, jkt);
        return key.sign(claims);
    }

    String issueSystemToken(String clientId, String orgnr) {
        return issueSystemToken(clientId, orgnr, null, null);
    }

    /** A user token at security level 4 for a person of the dataset, or a deliberately bad one. */
    String issueUserToken(Dataset.Person person, String orgnr, UserTokenVariant variant, String jkt) {
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
        bind(claims, jkt);
        if (variant == null) {
            return key.sign(claims);
        }
        long now = clock.instant().getEpochSecond();
        switch (variant) {
            case EXPIRED -> claims.put("iat", now - 7200).put("nbf", now - 7200).put("exp", now - 3600);
            case NOT_YET_VALID -> claims.put("nbf", now + 3600).put("exp", now + 7200);
            case WRONG_AUDIENCE -> claims.put("aud", UserTokenVariant.OTHER_AUDIENCE);
            case WRONG_ISSUER -> claims.put("iss", UserTokenVariant.OTHER_ISSUER);
            case SECURITY_LEVEL_3 -> claims.put(CLAIM_SECURITY_LEVEL, "3");
            case NO_HPR -> claims.remove(CLAIM_HPR);
            case WRONG_KEY -> {
                return impostor().sign(claims);
            }
            default -> throw new IllegalStateException(variant.name());
        }
        return key.sign(claims);
    }

    String issueUserToken(Dataset.Person person, String orgnr) {
        return issueUserToken(person, orgnr, null, null);
    }

    private synchronized SigningKey impostor() {
        if (impostor == null) {
            impostor = SigningKey.impostorOf(key);
        }
        return impostor;
    }

    /** Checks a plain {@code Authorization} header (no DPoP proof available). */
    public VerifiedToken verify(String authorization) {
        return verify(ResourceRequest.bearer(authorization));
    }

    /**
     * Checks the token of a request to a resource server.
     *
     * @throws HttpProblem 401 {@code invalid_token} for a missing, malformed, badly signed, foreign, expired
     *         or not yet valid token, or a DPoP-bound token sent as Bearer; 401 {@code invalid_dpop_proof}
     *         or {@code use_dpop_nonce} (with {@code DPoP-Nonce}) for a proof that does not hold
     */
    public VerifiedToken verify(ResourceRequest request) {
        String authorization = request.authorization();
        boolean dpopScheme = authorization != null && authorization.regionMatches(true, 0, "DPoP ", 0, 5);
        boolean bearerScheme = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!dpopScheme && !bearerScheme) {
            throw HttpProblem.invalidToken("a bearer or DPoP token is required");
        }
        String token = authorization.substring(dpopScheme ? 5 : 7).trim();
        Jwt jwt;
        try {
            jwt = Jwt.parse(token).verify(key.publicKey());
        } catch (JwtException e) {
            throw tokenProblem(dpopScheme, e.getMessage());
        }
        long now = clock.instant().getEpochSecond();
        if (!issuer.equals(jwt.claim("iss"))) {
            throw tokenProblem(dpopScheme, "the token was not issued by " + issuer);
        }
        Long exp = jwt.epochSeconds("exp");
        if (exp == null || exp <= now) {
            throw tokenProblem(dpopScheme, "the token has expired");
        }
        Long nbf = jwt.epochSeconds("nbf");
        if (nbf != null && nbf > now + CLOCK_SKEW_SECONDS) {
            throw tokenProblem(dpopScheme, "the token is not valid yet (nbf)");
        }
        if (!jwt.hasAudience(AUDIENCE)) {
            throw tokenProblem(dpopScheme, "the token is not for " + AUDIENCE);
        }
        if (!hasScope(jwt.claims().get("scope"))) {
            throw tokenProblem(dpopScheme, "the token lacks scope " + SCOPE);
        }
        VerifiedToken verified = new VerifiedToken(jwt.claims(), dpopScheme);
        String jkt = jwt.claims().path("cnf").path("jkt").asText(null);
        if (dpopScheme) {
            checkProof(request, token, jkt);
        } else if (jkt != null) {
            throw HttpProblem.dpopChallenge("invalid_token",
                    "the token is DPoP-bound: send it as 'Authorization: DPoP' with a DPoP proof", ALGS);
        } else if (dpopRequired && !verified.isPersonToken()) {
            throw HttpProblem.dpopChallenge("invalid_token", "this API requires DPoP-bound system tokens", ALGS);
        }
        return verified;
    }

    private void checkProof(ResourceRequest request, String token, String jkt) {
        if (jkt == null) {
            throw HttpProblem.dpopChallenge("invalid_token", "the token is not DPoP-bound; send it as Bearer", ALGS);
        }
        if (dpop == null) {
            throw HttpProblem.dpopChallenge("invalid_dpop_proof", "this endpoint does not take DPoP proofs", ALGS);
        }
        Set<String> urls = new LinkedHashSet<>();
        String received = HttpTarget.normalise(request.url());
        if (received != null) {
            urls.add(received);
        }
        String published = HttpTarget.normalise(issuer + request.path());
        if (published != null) {
            urls.add(published);
        }
        DpopProofVerifier.Proof proof;
        try {
            proof = dpop.verify(request.dpop(), request.method() == null ? "GET" : request.method(), urls, token);
        } catch (DpopException e) {
            if (e.nonceRequired()) {
                if (traffic != null && request.api() != null) {
                    traffic.nonceChallenge(request.api());
                }
                throw HttpProblem.dpopChallenge("use_dpop_nonce", e.getMessage(), ALGS)
                        .withHeader("DPoP-Nonce", dpop.nonces().current());
            }
            throw HttpProblem.dpopChallenge("invalid_dpop_proof", e.getMessage(), ALGS);
        }
        if (!proof.jkt().equals(jkt)) {
            throw HttpProblem.dpopChallenge("invalid_dpop_proof", "the proof is not signed by the key the token is bound to", ALGS);
        }
    }

    private static HttpProblem tokenProblem(boolean dpopScheme, String description) {
        return dpopScheme ? HttpProblem.dpopChallenge("invalid_token", description, ALGS) : HttpProblem.invalidToken(description);
    }

    private static void bind(ObjectNode claims, String jkt) {
        if (jkt != null) {
            claims.putObject("cnf").put("jkt", jkt);
        }
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

    /**
     * The claims of a token this simulator issued and that is still valid.
     *
     * @param dpop the request used the DPoP scheme with a valid proof
     */
    public record VerifiedToken(ObjectNode claims, boolean dpop) {

        public VerifiedToken(ObjectNode claims) {
            this(claims, false);
        }

        /** A user token carries the security level of an authenticated person; a system token does not. */
        public boolean isUserToken() {
            JsonNode level = claims.get(CLAIM_SECURITY_LEVEL);
            return level != null && "4".equals(level.asText());
        }

        /** A token about a person (any security level), as opposed to a client-credentials token. */
        boolean isPersonToken() {
            return claims.get(CLAIM_PID) != null || claims.get(CLAIM_SECURITY_LEVEL) != null;
        }

        /** The organisation number the token acts for, or null. */
        public String orgnr() {
            return Json.text(claims, CLAIM_ORGNR);
        }

        /** The user's HPR number, or null (case workers, tokens without it). */
        public String hprNumber() {
            return Json.text(claims, CLAIM_HPR);
        }

        public String tokenType() {
            return dpop ? "DPoP" : "Bearer";
        }

        public void requireSystemToken() {
            if (isPersonToken()) {
                throw HttpProblem.oauth(403, "insufficient_scope", "this endpoint needs a system token (client credentials)");
            }
        }

        public void requireUserToken() {
            if (isPersonToken() && !isUserToken()) {
                // RFC 9470: the user authenticated, but not strongly enough (security level 4 is required).
                throw HttpProblem.unauthorized("insufficient_user_authentication",
                        "the user token must have security level 4");
            }
            if (!isUserToken()) {
                throw HttpProblem.oauth(403, "insufficient_scope", "this endpoint needs a user token at security level 4");
            }
        }
    }
}
