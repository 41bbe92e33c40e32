package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** A stand-in HelseID issuer for tests: one RSA signing key, valid user tokens, and a verifier trusting it. */
public final class TestIssuer {

    public static final String ISSUER = "https://helseid-sts.test.example";
    public static final String KID = "test-issuer-key-1";
    public static final KeyPair KEYS = rsa();
    public static final SigningKey SIGNING_KEY = SigningKey.of(KEYS.getPrivate(), KEYS.getPublic(), KID, "test issuer");

    private TestIssuer() {
    }

    /** The claims of a valid level-4 user token issued at {@code now}, for a health worker or (hpr null) a case worker. */
    public static ObjectNode claims(Instant now, String subject, String hpr) {
        ObjectNode claims = Jose.JSON.createObjectNode()
                .put("iss", ISSUER)
                .put("aud", UserTokenRules.DEFAULT_AUDIENCE)
                .put("scope", "nhn:kjernejournal/api")
                .put("sub", subject)
                .put(VerifiedUserToken.SECURITY_LEVEL, "4")
                .put("iat", now.getEpochSecond())
                .put("nbf", now.getEpochSecond())
                .put("exp", now.getEpochSecond() + 3600);
        if (hpr != null) {
            claims.put(VerifiedUserToken.HPR_NUMBER, hpr);
        }
        return claims;
    }

    /** Signs with the issuer's key (RS256, kid {@link #KID}). */
    public static String sign(ObjectNode claims) {
        return Jose.sign(Jose.JSON.createObjectNode().put("typ", "at+jwt").put("kid", KID), claims, SIGNING_KEY);
    }

    /** Adds what a valid token needs (unless the given claims say otherwise) and signs. */
    public static String userToken(String claimsJson, Instant now) {
        ObjectNode given = (ObjectNode) Jose.parse(claimsJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ObjectNode claims = claims(now, "sub-" + now.getEpochSecond(), null);
        claims.setAll(given);
        return sign(claims);
    }

    public static IssuerKeys keys() {
        return kid -> List.of(new VerificationKey(KID, "RS256", KEYS.getPublic()));
    }

    public static UserTokenVerifier verifier(Clock clock) {
        return new JwtUserTokenVerifier(UserTokenRules.of(ISSUER), keys(), clock);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
