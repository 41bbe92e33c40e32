package no.kjernebro.simulator.internal.helseid;

import java.security.PublicKey;
import java.time.Clock;
import java.util.Set;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.jwt.Jwt;
import no.kjernebro.simulator.internal.jwt.JwtException;

/**
 * Checks a {@code private_key_jwt} client assertion the way HelseID does: signed with the client's
 * registered key, issued by and about the client, addressed to this token endpoint, short-lived
 * and used once.
 */
final class ClientAssertionVerifier {

    static final long MAX_LIFETIME_SECONDS = 60;
    // Tolerance for clocks of client and server that disagree a little.
    private static final long CLOCK_SKEW_SECONDS = 10;

    private final ClientRegistry clients;
    private final Set<String> acceptedAudiences;
    private final RecentJtis recentJtis;
    private final Clock clock;

    ClientAssertionVerifier(ClientRegistry clients, Set<String> acceptedAudiences, RecentJtis recentJtis, Clock clock) {
        this.clients = clients;
        this.acceptedAudiences = Set.copyOf(acceptedAudiences);
        this.recentJtis = recentJtis;
        this.clock = clock;
    }

    /**
     * @param requestUrl the URL the request actually reached, also acceptable as {@code aud}
     * @throws HttpProblem 400 invalid_client when anything about the assertion is wrong
     */
    void verify(String clientId, String assertion, String requestUrl) {
        PublicKey key = clients.publicKey(clientId)
                .orElseThrow(() -> invalidClient("unknown client"));
        Jwt jwt;
        try {
            jwt = Jwt.parse(assertion).verify(key);
        } catch (JwtException e) {
            throw invalidClient("client assertion rejected: " + e.getMessage());
        }
        if (!clientId.equals(jwt.claim("iss")) || !clientId.equals(jwt.claim("sub"))) {
            throw invalidClient("iss and sub must both be the client_id");
        }
        boolean audienceOk = acceptedAudiences.stream().anyMatch(jwt::hasAudience)
                || (requestUrl != null && jwt.hasAudience(requestUrl));
        if (!audienceOk) {
            throw invalidClient("aud must be the token endpoint");
        }
        Long iat = jwt.epochSeconds("iat");
        Long exp = jwt.epochSeconds("exp");
        if (iat == null || exp == null) {
            throw invalidClient("iat and exp are required");
        }
        if (exp - iat > MAX_LIFETIME_SECONDS || exp < iat) {
            throw invalidClient("the assertion may live at most " + MAX_LIFETIME_SECONDS + " seconds");
        }
        long now = clock.instant().getEpochSecond();
        if (exp + CLOCK_SKEW_SECONDS < now) {
            throw invalidClient("the assertion has expired");
        }
        if (iat - CLOCK_SKEW_SECONDS > now) {
            throw invalidClient("the assertion is issued in the future");
        }
        String jti = jwt.claim("jti");
        if (jti == null || jti.isBlank()) {
            throw invalidClient("jti is required");
        }
        if (!recentJtis.firstUse(clientId, jti, exp + CLOCK_SKEW_SECONDS, now)) {
            throw invalidClient("the assertion's jti was already used");
        }
    }

    private static HttpProblem invalidClient(String description) {
        return HttpProblem.oauth(400, "invalid_client", description);
    }
}
