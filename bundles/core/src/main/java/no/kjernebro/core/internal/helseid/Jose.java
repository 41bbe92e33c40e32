package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The few JOSE building blocks HelseID needs (RFC 7515 compact JWS, base64url, SHA-256), kept
 * here so that the runtime does not need a JOSE library.
 */
final class Jose {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Jose() {
    }

    static String base64Url(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** @throws IllegalArgumentException when the text is not base64url */
    static byte[] fromBase64Url(String text) {
        return DECODER.decode(text);
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    /** base64url(SHA-256(text)): DPoP's {@code ath} and the JWK thumbprint are both this. */
    static String sha256Base64Url(String text) {
        return base64Url(sha256(text.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A compact JWS of the header and claims, signed with the key (whose algorithm goes in the header). */
    static String sign(ObjectNode header, ObjectNode claims, SigningKey key) {
        header.put("alg", key.algorithm());
        String input = base64Url(bytes(header)) + "." + base64Url(bytes(claims));
        return input + "." + base64Url(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses JSON; null when it is not JSON at all. */
    static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
