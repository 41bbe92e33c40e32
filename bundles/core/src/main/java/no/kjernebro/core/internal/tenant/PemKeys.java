package no.kjernebro.core.internal.tenant;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads an RSA public key in the PEM form openssl writes (SubjectPublicKeyInfo), as registered with
 * HelseID. Private keys are read by {@link no.kjernebro.core.internal.helseid.KeyFiles}.
 */
public final class PemKeys {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private PemKeys() {
    }

    /** Parses a SubjectPublicKeyInfo PEM text. */
    public static PublicKey parsePublicKey(String pem) {
        int from = pem.indexOf(BEGIN);
        int to = pem.indexOf(END);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("text has no '" + BEGIN + "' block");
        }
        try {
            byte[] der = Base64.getDecoder().decode(pem.substring(from + BEGIN.length(), to).replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RSA public key: " + e.getMessage(), e);
        }
    }
}
