package no.kjernebro.simulator.internal.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * Public JSON Web Keys (RFC 7517) for RSA and EC P-256/384/521, and their RFC 7638 thumbprints,
 * which is what a DPoP-bound token names in {@code cnf.jkt}.
 */
public final class Jwk {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> CURVES = Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");
    private static final Map<Integer, String> CURVE_BY_SIZE = Map.of(256, "P-256", 384, "P-384", 521, "P-521");

    private Jwk() {
    }

    /**
     * The public key a JWK describes.
     *
     * @throws JwtException when it is not a public RSA or EC key the simulator understands, or holds
     *         private key material
     */
    public static PublicKey publicKey(JsonNode jwk) throws JwtException {
        if (jwk == null || !jwk.isObject()) {
            throw new JwtException("jwk must be a JSON object");
        }
        if (jwk.has("d") || jwk.has("p") || jwk.has("q")) {
            throw new JwtException("jwk must not contain private key material");
        }
        try {
            return switch (jwk.path("kty").asText()) {
                case "RSA" -> KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(integer(jwk, "n"), integer(jwk, "e")));
                case "EC" -> ecKey(jwk);
                default -> throw new JwtException("jwk kty must be RSA or EC");
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new JwtException("jwk is not a valid public key");
        }
    }

    /** The public JWK of a key (RSA or EC), without kid. */
    public static ObjectNode of(PublicKey key) {
        ObjectNode jwk = MAPPER.createObjectNode();
        if (key instanceof RSAPublicKey rsa) {
            jwk.put("kty", "RSA").put("n", b64(rsa.getModulus())).put("e", b64(rsa.getPublicExponent()));
        } else if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            int size = (bits + 7) / 8;
            jwk.put("kty", "EC").put("crv", CURVE_BY_SIZE.get(bits))
                    .put("x", Jwt.encode(fixed(ec.getW().getAffineX(), size)))
                    .put("y", Jwt.encode(fixed(ec.getW().getAffineY(), size)));
        } else {
            throw new IllegalArgumentException("only RSA and EC keys");
        }
        return jwk;
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, base64url. */
    public static String thumbprint(JsonNode jwk) {
        String canonical = switch (jwk.path("kty").asText()) {
            case "RSA" -> "{\"e\":\"" + jwk.path("e").asText() + "\",\"kty\":\"RSA\",\"n\":\"" + jwk.path("n").asText() + "\"}";
            case "EC" -> "{\"crv\":\"" + jwk.path("crv").asText() + "\",\"kty\":\"EC\",\"x\":\"" + jwk.path("x").asText()
                    + "\",\"y\":\"" + jwk.path("y").asText() + "\"}";
            default -> throw new IllegalArgumentException("only RSA and EC keys");
        };
        return Jwt.encode(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    public static String thumbprint(PublicKey key) {
        return thumbprint(of(key));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey ecKey(JsonNode jwk) throws GeneralSecurityException, JwtException {
        String curve = CURVES.get(jwk.path("crv").asText());
        if (curve == null) {
            throw new JwtException("jwk crv must be P-256, P-384 or P-521");
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(integer(jwk, "x"), integer(jwk, "y"));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
    }

    private static BigInteger integer(JsonNode jwk, String member) {
        String text = jwk.path(member).asText("");
        if (text.isEmpty()) {
            throw new IllegalArgumentException(member + " missing");
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(text));
    }

    private static String b64(BigInteger value) {
        return Jwt.encode(unsigned(value));
    }

    // JWK integers are big-endian without the sign byte BigInteger adds.
    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    // EC coordinates have the curve's full length, leading zeros included (RFC 7518 §6.2.1.2).
    private static byte[] fixed(BigInteger value, int size) {
        byte[] bytes = unsigned(value);
        if (bytes.length == size) {
            return bytes;
        }
        byte[] padded = new byte[size];
        System.arraycopy(bytes, Math.max(0, bytes.length - size), padded, Math.max(0, size - bytes.length),
                Math.min(size, bytes.length));
        return padded;
    }
}
