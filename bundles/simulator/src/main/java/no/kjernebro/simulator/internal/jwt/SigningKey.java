package no.kjernebro.simulator.internal.jwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The simulator's own token-signing key: generated fresh on every activation, so tokens from a
 * previous run are refused just as HelseID refuses tokens after a key roll.
 */
public final class SigningKey {

    private final KeyPair keyPair;
    private final String kid;

    private SigningKey(KeyPair keyPair, String kid) {
        this.keyPair = keyPair;
        this.kid = kid == null ? thumbprint((RSAPublicKey) keyPair.getPublic()) : kid;
    }

    public static SigningKey generate() {
        return new SigningKey(keyPair(), null);
    }

    /**
     * A key that is in no JWKS but claims another key's {@code kid}: tokens it signs must be refused by
     * a verifier that checks the signature rather than trusting the kid.
     */
    public static SigningKey impostorOf(SigningKey genuine) {
        return new SigningKey(keyPair(), genuine.kid());
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no RSA", e);
        }
    }

    public String sign(ObjectNode claims) {
        return Jwt.sign(claims, keyPair.getPrivate(), kid);
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keyPair.getPublic();
    }

    public String kid() {
        return kid;
    }

    /** The public key as one JWK (RFC 7517). */
    public ObjectNode jwk(ObjectMapper mapper) {
        RSAPublicKey key = publicKey();
        return mapper.createObjectNode()
                .put("kty", "RSA")
                .put("use", "sig")
                .put("alg", "RS256")
                .put("kid", kid)
                .put("n", Jwt.encode(unsigned(key.getModulus())))
                .put("e", Jwt.encode(unsigned(key.getPublicExponent())));
    }

    // RFC 7638 thumbprint: a stable kid derived from the key itself.
    private static String thumbprint(RSAPublicKey key) {
        return Jwk.thumbprint(key);
    }

    private static byte[] unsigned(BigInteger value) {
        return Jwk.unsigned(value);
    }
}
