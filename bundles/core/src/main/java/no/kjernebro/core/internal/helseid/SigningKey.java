package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;

/**
 * A private key Kjernebro signs JWTs with (client assertions, DPoP proofs), with the algorithm its
 * type implies (RSA: RS256, EC P-256: ES256), its key id and its public half. {@link #toString()}
 * never shows key material.
 */
public final class SigningKey {

    public static final String RS256 = "RS256";
    public static final String ES256 = "ES256";

    private final String algorithm;
    private final String keyId;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String source;
    private final String thumbprint;

    private SigningKey(String algorithm, String keyId, PrivateKey privateKey, PublicKey publicKey, String source) {
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.source = source;
        this.thumbprint = Jwk.thumbprint(publicKey);
    }

    /**
     * @param keyId the {@code kid} to name, or null for the key's JWK thumbprint (RFC 7638)
     * @param source where the key came from (a file name, "generated"), for log lines
     */
    public static SigningKey of(PrivateKey privateKey, PublicKey publicKey, String keyId, String source) {
        String algorithm;
        if (privateKey instanceof RSAPrivateKey) {
            algorithm = RS256;
        } else if (privateKey instanceof ECPrivateKey) {
            algorithm = ES256;
        } else {
            throw new IllegalArgumentException(source + ": only RSA and EC P-256 keys are supported");
        }
        String kid = keyId == null || keyId.isBlank() ? Jwk.thumbprint(publicKey) : keyId.trim();
        return new SigningKey(algorithm, kid, privateKey, publicKey, source);
    }

    /** An RSA private key alone (CRT form, as PKCS#8 files hold it): the public half is derived. */
    public static SigningKey of(PrivateKey privateKey) {
        return of(privateKey, Jwk.publicKeyOf(privateKey), null, "in memory");
    }

    public String algorithm() {
        return algorithm;
    }

    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** For signing only. Never log or serialise it. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The public key as a JWK (what a DPoP proof carries in its header). */
    ObjectNode publicJwk() {
        return Jwk.toJson(publicKey);
    }

    /** The JWK SHA-256 thumbprint of the public key, base64url (DPoP's {@code jkt}). */
    String thumbprint() {
        return thumbprint;
    }

    /** A JWS signature over the input: PKCS#1 v1.5 for RS256, R||S (not DER) for ES256. */
    byte[] sign(byte[] input) {
        try {
            Signature signer = Signature.getInstance(RS256.equals(algorithm) ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
            signer.initSign(privateKey);
            signer.update(input);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            // the exception names the algorithm, never the key
            throw new IllegalStateException("cannot sign with the " + algorithm + " key from " + source + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + algorithm + ", kid=" + keyId + ", from " + source + ", ****]";
    }
}
