package no.kjernebro.simulator.internal.dpop;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import no.kjernebro.simulator.internal.jwt.Jwk;
import no.kjernebro.simulator.internal.jwt.Jwt;
import no.kjernebro.simulator.internal.jwt.JwtException;
import no.kjernebro.simulator.internal.jwt.RecentJtis;

/**
 * Checks a {@code DPoP} header (RFC 9449 §4.3) for one server: a {@code dpop+jwt} signed with an
 * asymmetric algorithm by the public key in its own header, for this method and URL, recent, used once,
 * with the server's nonce when the server demands one, and, at a resource server, with the hash of
 * the access token it accompanies.
 */
public final class DpopProofVerifier {

    private static final long FUTURE_SKEW_SECONDS = 10;
    private static final int RECENT_JTI_CAPACITY = 50_000;

    /** A proof that held: the RFC 7638 thumbprint of its key. */
    public record Proof(String jkt) {
    }

    private final Clock clock;
    private final Duration maxAge;
    private final DpopNonces nonces;
    private final boolean requireNonce;
    private final RecentJtis seen = new RecentJtis(RECENT_JTI_CAPACITY);

    public DpopProofVerifier(Clock clock, Duration maxAge, DpopNonces nonces, boolean requireNonce) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.nonces = nonces;
        this.requireNonce = requireNonce;
    }

    public DpopNonces nonces() {
        return nonces;
    }

    /**
     * @param method the request's HTTP method
     * @param acceptedUrls normalised ({@link HttpTarget}) URLs the proof's {@code htu} may name
     * @param accessToken the token the proof accompanies at a resource server; null at the token endpoint
     */
    public Proof verify(String proofText, String method, Collection<String> acceptedUrls, String accessToken)
            throws DpopException {
        if (proofText == null || proofText.isBlank()) {
            throw DpopException.invalid("a DPoP proof is required");
        }
        if (proofText.contains(",")) {
            throw DpopException.invalid("exactly one DPoP proof is allowed");
        }
        Jwt proof;
        String jkt;
        try {
            proof = Jwt.parse(proofText.trim());
            if (!"dpop+jwt".equals(proof.header().path("typ").asText())) {
                throw DpopException.invalid("the proof's typ must be dpop+jwt");
            }
            proof.algorithm();
            JsonNode jwk = proof.header().get("jwk");
            PublicKey key = Jwk.publicKey(jwk);
            proof.verify(key);
            jkt = Jwk.thumbprint(jwk);
        } catch (JwtException e) {
            throw DpopException.invalid("DPoP proof rejected: " + e.getMessage());
        }
        String jti = proof.claim("jti");
        if (jti == null || jti.isBlank()) {
            throw DpopException.invalid("the proof needs a jti");
        }
        if (!method.equalsIgnoreCase(String.valueOf(proof.claim("htm")))) {
            throw DpopException.invalid("htm must be " + method);
        }
        String htu = HttpTarget.normalise(proof.claim("htu"));
        if (htu == null || !acceptedUrls.contains(htu)) {
            throw DpopException.invalid("htu must be the request URL without query (" + String.join(" or ", acceptedUrls) + ")");
        }
        Long iat = proof.epochSeconds("iat");
        long now = clock.instant().getEpochSecond();
        if (iat == null) {
            throw DpopException.invalid("the proof needs iat");
        }
        if (iat < now - maxAge.toSeconds() || iat > now + FUTURE_SKEW_SECONDS) {
            throw DpopException.invalid("the proof's iat is not recent (at most " + maxAge.toSeconds() + " s old)");
        }
        if (accessToken != null && !ath(accessToken).equals(proof.claim("ath"))) {
            throw DpopException.invalid("ath must be the base64url SHA-256 hash of the access token");
        }
        if (requireNonce && !nonces.accepts(proof.claim("nonce"))) {
            throw DpopException.useNonce(proof.claim("nonce") == null
                    ? "the server requires a DPoP nonce" : "the DPoP nonce is stale");
        }
        if (!seen.firstUse(jkt, jti, iat + maxAge.toSeconds() + FUTURE_SKEW_SECONDS, now)) {
            throw DpopException.invalid("the proof's jti was already used");
        }
        return new Proof(jkt);
    }

    /** RFC 9449 §4.2: base64url of the SHA-256 of the ASCII access token. */
    public static String ath(String accessToken) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
