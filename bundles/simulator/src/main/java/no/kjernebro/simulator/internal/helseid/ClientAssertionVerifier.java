package no.kjernebro.simulator.internal.helseid;

import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.jwt.JwsAlgorithm;
import no.kjernebro.simulator.internal.jwt.Jwt;
import no.kjernebro.simulator.internal.jwt.JwtException;
import no.kjernebro.simulator.internal.jwt.RecentJtis;

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
     * @return the verified assertion (its claims may name the organisation)
     * @throws HttpProblem 400 invalid_client when anything about the assertion is wrong
     */
    Jwt verify(RegisteredClient client, String assertion, String requestUrl) {
        String clientId = client.clientId();
        Jwt jwt;
        try {
            Jwt parsed = Jwt.parse(assertion);
            jwt = parsed;
            JwsAlgorithm algorithm = jwt.algorithm(); // none and HS* are refused here, before any key is tried
            List<PublicKey> fitting = client.keys().stream().filter(algorithm::fits).toList();
            if (fitting.isEmpty()) {
                throw invalidClient("client assertion rejected: alg " + algorithm + " does not fit the client's registered key");
            }
            if (fitting.stream().noneMatch(key -> verifies(parsed, key))) {
                throw invalidClient("client assertion rejected: signature does not verify with the registered key");
            }
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
        return jwt;
    }

    /** The registered client, or 400 invalid_client. */
    RegisteredClient client(String clientId) {
        return clients.client(clientId).orElseThrow(() -> invalidClient("unknown client"));
    }

    private static boolean verifies(Jwt jwt, PublicKey key) {
        try {
            jwt.verify(key);
            return true;
        } catch (JwtException e) {
            return false;
        }
    }

    private static HttpProblem invalidClient(String description) {
        return HttpProblem.oauth(400, "invalid_client", description);
    }
}
