package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.KeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;

/**
 * JSON Web Keys (RFC 7517/7518) for RSA and EC P-256: reading public and private keys, writing public
 * ones, and the RFC 7638 thumbprint. Error messages never contain key material.
 */
final class Jwk {

    static final String P256 = "P-256";
    private static final int P256_BYTES = 32;

    private Jwk() {
    }

    static ObjectNode toJson(PublicKey key) {
        ObjectNode jwk = Jose.JSON.createObjectNode();
        if (key instanceof RSAPublicKey rsa) {
            jwk.put("kty", "RSA").put("n", unsigned(rsa.getModulus())).put("e", unsigned(rsa.getPublicExponent()));
        } else if (key instanceof ECPublicKey ec && isP256(ec.getParams())) {
            jwk.put("kty", "EC").put("crv", P256)
                    .put("x", fixed(ec.getW().getAffineX())).put("y", fixed(ec.getW().getAffineY()));
        } else {
            throw new IllegalArgumentException("only RSA and EC P-256 public keys can be written as a JWK");
        }
        return jwk;
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace. */
    static String thumbprint(PublicKey key) {
        ObjectNode jwk = toJson(key);
        String canonical = "RSA".equals(jwk.get("kty").asText())
                ? "{\"e\":\"" + jwk.get("e").asText() + "\",\"kty\":\"RSA\",\"n\":\"" + jwk.get("n").asText() + "\"}"
                : "{\"crv\":\"" + P256 + "\",\"kty\":\"EC\",\"x\":\"" + jwk.get("x").asText() + "\",\"y\":\""
                        + jwk.get("y").asText() + "\"}";
        return Jose.base64Url(Jose.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** @throws IllegalArgumentException when the JWK is not an RSA or P-256 public key */
    static PublicKey publicKey(JsonNode jwk) {
        try {
            return switch (jwk.path("kty").asText()) {
                case "RSA" -> KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(number(jwk, "n"), number(jwk, "e")));
                case "EC" -> KeyFactory.getInstance("EC").generatePublic(
                        new ECPublicKeySpec(new ECPoint(number(jwk, "x"), number(jwk, "y")), p256(jwk)));
                default -> throw new IllegalArgumentException("kty '" + jwk.path("kty").asText() + "' is not RSA or EC");
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid " + jwk.path("kty").asText() + " public key", e);
        }
    }

    /** The private key of a private JWK ({@code d} present). */
    static PrivateKey privateKey(JsonNode jwk) {
        if (!jwk.hasNonNull("d")) {
            throw new IllegalArgumentException("the JWK has no private part (d)");
        }
        try {
            return switch (jwk.path("kty").asText()) {
                case "RSA" -> KeyFactory.getInstance("RSA").generatePrivate(rsaPrivate(jwk));
                case "EC" -> KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(number(jwk, "d"), p256(jwk)));
                default -> throw new IllegalArgumentException("kty '" + jwk.path("kty").asText() + "' is not RSA or EC");
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid " + jwk.path("kty").asText() + " private key", e);
        }
    }

    private static KeySpec rsaPrivate(JsonNode jwk) {
        if (jwk.hasNonNull("p") && jwk.hasNonNull("q") && jwk.hasNonNull("dp") && jwk.hasNonNull("dq") && jwk.hasNonNull("qi")) {
            return new RSAPrivateCrtKeySpec(number(jwk, "n"), number(jwk, "e"), number(jwk, "d"), number(jwk, "p"),
                    number(jwk, "q"), number(jwk, "dp"), number(jwk, "dq"), number(jwk, "qi"));
        }
        return new RSAPrivateKeySpec(number(jwk, "n"), number(jwk, "d"));
    }

    /**
     * The public half of a private key: RSA CRT keys carry the exponent; for EC it is d times the
     * generator, computed once when a key file is read.
     */
    static PublicKey publicKeyOf(PrivateKey key) {
        try {
            if (key instanceof RSAPrivateCrtKey rsa) {
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            if (key instanceof ECPrivateKey ec) {
                ECParameterSpec params = ec.getParams();
                ECPoint w = multiply(params.getGenerator(), ec.getS(), params);
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot derive the public key", e);
        }
        throw new IllegalArgumentException("the public key cannot be derived from this private key; use a JWK file");
    }

    static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JRE lacks the P-256 curve", e);
        }
    }

    static boolean isP256(ECParameterSpec params) {
        ECParameterSpec p256 = p256();
        return params.getOrder().equals(p256.getOrder()) && params.getGenerator().equals(p256.getGenerator());
    }

    private static ECParameterSpec p256(JsonNode jwk) {
        if (!P256.equals(jwk.path("crv").asText())) {
            throw new IllegalArgumentException("curve '" + jwk.path("crv").asText() + "' is not P-256");
        }
        return p256();
    }

    // Affine double-and-add over the curve's prime field; only used to recover a public point once.
    private static ECPoint multiply(ECPoint g, BigInteger k, ECParameterSpec params) {
        BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
        BigInteger a = params.getCurve().getA();
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = g;
        for (int i = 0; i < k.bitLength(); i++) {
            if (k.testBit(i)) {
                result = add(result, addend, p, a);
            }
            addend = add(addend, addend, p, a);
        }
        return result;
    }

    private static ECPoint add(ECPoint s, ECPoint t, BigInteger p, BigInteger a) {
        if (s.equals(ECPoint.POINT_INFINITY)) {
            return t;
        }
        if (t.equals(ECPoint.POINT_INFINITY)) {
            return s;
        }
        BigInteger lambda;
        if (s.equals(t)) {
            if (s.getAffineY().signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            lambda = s.getAffineX().pow(2).multiply(BigInteger.valueOf(3)).add(a)
                    .multiply(s.getAffineY().shiftLeft(1).modInverse(p)).mod(p);
        } else {
            if (s.getAffineX().equals(t.getAffineX())) {
                return ECPoint.POINT_INFINITY;
            }
            lambda = t.getAffineY().subtract(s.getAffineY())
                    .multiply(t.getAffineX().subtract(s.getAffineX()).modInverse(p)).mod(p);
        }
        BigInteger x = lambda.pow(2).subtract(s.getAffineX()).subtract(t.getAffineX()).mod(p);
        BigInteger y = lambda.multiply(s.getAffineX().subtract(x)).subtract(s.getAffineY()).mod(p);
        return new ECPoint(x, y);
    }

    private static BigInteger number(JsonNode jwk, String member) {
        String text = jwk.path(member).asText("");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the JWK lacks member '" + member + "'");
        }
        try {
            return new BigInteger(1, Jose.fromBase64Url(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JWK member '" + member + "' is not base64url");
        }
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Jose.base64Url(bytes);
    }

    // EC coordinates have the curve's full length (RFC 7518 6.2.1.2), leading zeros included.
    private static String fixed(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[P256_BYTES];
        int copy = Math.min(bytes.length, P256_BYTES);
        System.arraycopy(bytes, bytes.length - copy, out, P256_BYTES - copy, copy);
        return Jose.base64Url(out);
    }
}
