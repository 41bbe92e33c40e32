package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/** Key pairs and their file forms (private JWK, PKCS#8 PEM) for tests. */
final class TestKeys {

    static final KeyPair RSA = no.kjernebro.core.internal.testing.TestTenants.KEYS;
    static final KeyPair EC = ec("secp256r1");

    private TestKeys() {
    }

    static KeyPair ec(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String privateJwk(KeyPair pair, String kid) {
        ObjectNode jwk = Jwk.toJson(pair.getPublic());
        if (pair.getPrivate() instanceof RSAPrivateCrtKey rsa) {
            jwk.put("d", b64(rsa.getPrivateExponent())).put("p", b64(rsa.getPrimeP())).put("q", b64(rsa.getPrimeQ()))
                    .put("dp", b64(rsa.getPrimeExponentP())).put("dq", b64(rsa.getPrimeExponentQ()))
                    .put("qi", b64(rsa.getCrtCoefficient()));
        } else {
            jwk.put("d", b64(((ECPrivateKey) pair.getPrivate()).getS()));
        }
        if (kid != null) {
            jwk.put("kid", kid);
        }
        return jwk.toString();
    }

    /** The base64url of the private exponent / scalar: what must never appear in a message. */
    static String secretPart(KeyPair pair) {
        return pair.getPrivate() instanceof RSAPrivateCrtKey rsa ? b64(rsa.getPrivateExponent())
                : b64(((ECPrivateKey) pair.getPrivate()).getS());
    }

    static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    static boolean sameEcPoint(java.security.PublicKey a, java.security.PublicKey b) {
        return ((ECPublicKey) a).getW().equals(((ECPublicKey) b).getW());
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Jose.base64Url(bytes);
    }
}
