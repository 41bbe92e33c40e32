package no.kjernebro.simulator.internal.jwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
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

    private SigningKey(KeyPair keyPair) {
        this.keyPair = keyPair;
        this.kid = thumbprint((RSAPublicKey) keyPair.getPublic());
    }

    public static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new SigningKey(generator.generateKeyPair());
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
        String canonical = "{\"e\":\"" + Jwt.encode(unsigned(key.getPublicExponent()))
                + "\",\"kty\":\"RSA\",\"n\":\"" + Jwt.encode(unsigned(key.getModulus())) + "\"}";
        try {
            return Jwt.encode(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // JWK integers are big-endian without the sign byte BigInteger adds.
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }
}
