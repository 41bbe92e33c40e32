package no.kjernebro.core.internal.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The EPJ's API keys are stored only as SHA-256 digests; a presented secret is hashed and compared
 * in constant time so a timing side channel reveals nothing about the stored digest.
 */
public final class Credentials {

    private Credentials() {
    }

    /** The digest as stored in {@code credential.sha256}: lowercase hex SHA-256 of the UTF-8 secret. */
    public static String sha256Hex(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Parses a stored digest; null when it is not 64 hex characters. */
    public static byte[] parseDigest(String hex) {
        if (hex == null || hex.length() != 64) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True when {@code secret} hashes to one of {@code digests}. Every digest is compared. */
    public static boolean matches(String secret, List<byte[]> digests) {
        if (secret == null || secret.isEmpty()) {
            return false;
        }
        byte[] presented = sha256(secret);
        boolean match = false;
        for (byte[] stored : digests) {
            match |= MessageDigest.isEqual(presented, stored);
        }
        return match;
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
