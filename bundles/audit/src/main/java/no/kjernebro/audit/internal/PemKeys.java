package no.kjernebro.audit.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reads the checkpoint keys: a PKCS#8 private key ({@code BEGIN PRIVATE KEY}, EC P-256 or RSA of at
 * least 2048 bits) and X.509 public keys ({@code BEGIN PUBLIC KEY} or the same DER in base64).
 */
final class PemKeys {

    /** SubjectPublicKeyInfo header of an uncompressed P-256 point (id-ecPublicKey, prime256v1, BIT STRING). */
    private static final byte[] P256_SPKI_PREFIX =
            HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

    private PemKeys() {
    }

    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        if (pem.contains("BEGIN EC PRIVATE KEY") || pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new InvalidKeySpecException("the checkpoint key must be PKCS#8 (BEGIN PRIVATE KEY); convert it with"
                    + " openssl pkcs8 -topk8 -nocrypt");
        }
        if (pem.contains("ENCRYPTED PRIVATE KEY")) {
            throw new InvalidKeySpecException("the checkpoint key must not be encrypted (protect the file instead)");
        }
        PrivateKey key = parsePrivate(body(pem, "PRIVATE KEY"));
        if (key instanceof ECPrivateKey ec && ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new InvalidKeySpecException("EC checkpoint keys must be P-256");
        }
        if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() < 2048) {
            throw new InvalidKeySpecException("RSA checkpoint keys must have at least 2048 bits");
        }
        return key;
    }

    private static PrivateKey parsePrivate(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("EC").generatePrivate(spec);
        } catch (InvalidKeySpecException notEc) {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        }
    }

    /**
     * The public half of {@code key} when the file carries enough to know it: always for RSA; for EC
     * when the PKCS#8 structure includes the public point (OpenSSL writes it, the JDK does not).
     */
    static Optional<PublicKey> publicKeyOf(String pem, PrivateKey key) throws GeneralSecurityException {
        if (key instanceof RSAPrivateCrtKey rsa) {
            return Optional.of(KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent())));
        }
        if (key instanceof ECPrivateKey) {
            // from the file's own bytes: the JDK's re-encoding of the key may leave the point out
            Optional<byte[]> point = embeddedEcPoint(body(pem, "PRIVATE KEY"));
            if (point.isPresent() && point.get().length == 65) {
                byte[] spki = Arrays.copyOf(P256_SPKI_PREFIX, P256_SPKI_PREFIX.length + 65);
                System.arraycopy(point.get(), 0, spki, P256_SPKI_PREFIX.length, 65);
                return Optional.of(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki)));
            }
        }
        return Optional.empty();
    }

    /** A public key from PEM text or from base64 DER. */
    static PublicKey publicKey(String pemOrBase64) throws GeneralSecurityException {
        byte[] der = pemOrBase64.contains("-----BEGIN")
                ? body(pemOrBase64, "PUBLIC KEY")
                : Base64.getMimeDecoder().decode(pemOrBase64.trim());
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        } catch (InvalidKeySpecException notEc) {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        }
    }

    /** The JCA signature algorithm for a key. */
    static String algorithmFor(java.security.Key key) {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private static byte[] body(String pem, String label) throws InvalidKeySpecException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new InvalidKeySpecException("expected a PEM block " + begin);
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeySpecException("the PEM block " + begin + " is not valid base64", e);
        }
    }

    // PrivateKeyInfo { version, algorithm, privateKey OCTET STRING (ECPrivateKey { version,
    // privateKey, [0] parameters OPTIONAL, [1] publicKey BIT STRING OPTIONAL }) }
    private static Optional<byte[]> embeddedEcPoint(byte[] pkcs8) {
        try {
            Der outer = Der.read(pkcs8, 0);
            Der version = Der.read(pkcs8, outer.contentStart);
            Der algorithm = Der.read(pkcs8, version.end());
            Der octets = Der.read(pkcs8, algorithm.end());
            Der ecKey = Der.read(pkcs8, octets.contentStart);
            int at = ecKey.contentStart;
            while (at < ecKey.end()) {
                Der element = Der.read(pkcs8, at);
                if (element.tag == 0xA1) {
                    Der bits = Der.read(pkcs8, element.contentStart);
                    // skip the BIT STRING's unused-bits byte
                    return Optional.of(Arrays.copyOfRange(pkcs8, bits.contentStart + 1, bits.end()));
                }
                at = element.end();
            }
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** One DER element: tag, where its content starts and how long it is. */
    private static final class Der {
        final int tag;
        final int contentStart;
        final int length;

        private Der(int tag, int contentStart, int length) {
            this.tag = tag;
            this.contentStart = contentStart;
            this.length = length;
        }

        int end() {
            return contentStart + length;
        }

        static Der read(byte[] der, int at) {
            int tag = der[at] & 0xff;
            int first = der[at + 1] & 0xff;
            if (first < 0x80) {
                return new Der(tag, at + 2, first);
            }
            int bytes = first & 0x7f;
            if (bytes > 3) {
                throw new IllegalArgumentException("DER element too long");
            }
            int length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (der[at + 2 + i] & 0xff);
            }
            return new Der(tag, at + 2 + bytes, length);
        }
    }
}
