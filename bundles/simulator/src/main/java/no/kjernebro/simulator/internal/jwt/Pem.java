package no.kjernebro.simulator.internal.jwt;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the {@code -----BEGIN PUBLIC KEY-----} (X.509 SubjectPublicKeyInfo) PEM files clients register,
 * RSA or EC.
 */
public final class Pem {

    private Pem() {
    }

    public static PublicKey rsaPublicKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
    }

    /** An RSA or EC public key; the SubjectPublicKeyInfo says which. */
    public static PublicKey publicKey(String pem) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der(pem));
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (InvalidKeySpecException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        }
    }

    /** The PEM text of a public key, as a client would register it. */
    public static String of(PublicKey key) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] der(String pem) throws GeneralSecurityException {
        String base64 = pem
                .replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("PEM body is not base64");
        }
    }
}
