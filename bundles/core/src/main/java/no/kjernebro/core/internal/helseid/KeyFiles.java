package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the private keys HelseID clients sign with: a private JWK (JSON, RSA or EC P-256, as HelseID
 * Selvbetjening hands them out) or a PKCS#8 PEM file (what {@code openssl genpkey} writes). Every
 * error names the file and the problem, never the key.
 */
public final class KeyFiles {

    static final int MIN_RSA_BITS = 2048;
    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";

    private KeyFiles() {
    }

    /**
     * @param keyId the {@code kid} to use; null or blank for the JWK's own {@code kid}, else the thumbprint
     * @throws IllegalArgumentException with a message fit for an operator's log
     */
    public static SigningKey load(Path file, String keyId) {
        String text = read(file);
        String trimmed = text.strip();
        SigningKey key = trimmed.startsWith("{") ? fromJwk(file, trimmed, keyId) : fromPem(file, text, keyId);
        selfTest(file, key);
        return key;
    }

    /** A fresh key pair (DPoP keys need no registration, so one per client per start is enough). */
    public static SigningKey generate(String algorithm) {
        try {
            KeyPairGenerator generator;
            if (SigningKey.ES256.equals(algorithm)) {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else if (SigningKey.RS256.equals(algorithm)) {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(MIN_RSA_BITS);
            } else {
                throw new IllegalArgumentException("DPoP algorithm '" + algorithm + "' is not RS256 or ES256");
            }
            KeyPair pair = generator.generateKeyPair();
            return SigningKey.of(pair.getPrivate(), pair.getPublic(), null, "generated");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key pair", e);
        }
    }

    private static SigningKey fromJwk(Path file, String json, String keyId) {
        JsonNode jwk = Jose.parse(json.getBytes(StandardCharsets.UTF_8));
        if (jwk == null || !jwk.isObject()) {
            throw new IllegalArgumentException("key file " + file + " is not valid JSON");
        }
        if (jwk.has("keys")) {
            // a JWKS with the one private key in it is accepted too
            if (!jwk.path("keys").isArray() || jwk.path("keys").size() != 1) {
                throw new IllegalArgumentException("key file " + file + " is a JWK set with "
                        + jwk.path("keys").size() + " keys; give exactly one private key");
            }
            jwk = jwk.path("keys").get(0);
        }
        PrivateKey privateKey;
        try {
            privateKey = Jwk.privateKey(jwk);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key file " + file + " is not a usable private JWK: " + e.getMessage());
        }
        check(file, privateKey);
        try {
            PublicKey publicKey = Jwk.publicKey(jwk);
            String kid = keyId != null && !keyId.isBlank() ? keyId : jwk.path("kid").asText(null);
            return SigningKey.of(privateKey, publicKey, kid, file.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key file " + file + " is not a usable private JWK: " + e.getMessage());
        }
    }

    private static SigningKey fromPem(Path file, String pem, String keyId) {
        if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
            throw new IllegalArgumentException("key file " + file + " holds a PKCS#1/SEC1 key; convert it to PKCS#8 with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in old.pem -out new.pem'");
        }
        if (pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("key file " + file + " is encrypted; Kjernebro reads unencrypted PKCS#8 "
                    + "protected by file permissions");
        }
        int from = pem.indexOf(PKCS8_BEGIN);
        int to = pem.indexOf(PKCS8_END);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("key file " + file + " is neither a private JWK nor a PEM file with a '"
                    + PKCS8_BEGIN + "' block");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(pem.substring(from + PKCS8_BEGIN.length(), to).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key file " + file + " is not valid base64 PEM");
        }
        PrivateKey key = null;
        for (String type : new String[] {"RSA", "EC"}) {
            try {
                key = KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
                break;
            } catch (GeneralSecurityException e) {
                // try the next key type
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("key file " + file + " is not an RSA or EC private key in PKCS#8 form");
        }
        check(file, key);
        try {
            return SigningKey.of(key, Jwk.publicKeyOf(key), keyId, file.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key file " + file + ": " + e.getMessage());
        }
    }

    private static void check(Path file, PrivateKey key) {
        if (key instanceof RSAPrivateKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalArgumentException("key file " + file + " holds an RSA key of " + rsa.getModulus().bitLength()
                    + " bits; HelseID needs at least " + MIN_RSA_BITS);
        }
        if (key instanceof ECPrivateKey ec && !Jwk.isP256(ec.getParams())) {
            throw new IllegalArgumentException("key file " + file + " holds an EC key on a curve other than P-256");
        }
    }

    // A JWK whose public members do not belong to its private part would only fail at HelseID, later.
    private static void selfTest(Path file, SigningKey key) {
        byte[] probe = "kjernebro key check".getBytes(StandardCharsets.US_ASCII);
        try {
            java.security.Signature verifier = java.security.Signature.getInstance(
                    SigningKey.RS256.equals(key.algorithm()) ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
            verifier.initVerify(key.publicKey());
            verifier.update(probe);
            if (verifier.verify(key.sign(probe))) {
                return;
            }
        } catch (GeneralSecurityException | IllegalStateException e) {
            // reported below
        }
        throw new IllegalArgumentException("key file " + file + ": the public and private parts of the key do not belong together");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read key file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
