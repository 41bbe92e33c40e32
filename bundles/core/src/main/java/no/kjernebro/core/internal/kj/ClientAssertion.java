package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds the private_key_jwt client assertion HelseID authenticates a client with (RFC 7523):
 * RS256, {@code iss} = {@code sub} = client id, {@code aud} = the token endpoint, a fresh
 * {@code jti}, valid for 30 seconds, and {@code authorization_details} naming the municipality the
 * multi-tenant client acts for.
 */
public final class ClientAssertion {

    static final int LIFETIME_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClientAssertion() {
    }

    public static String create(String clientId, String audience, String orgnr, PrivateKey key, Instant now) {
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        long iat = now.getEpochSecond();
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", clientId)
                .put("sub", clientId)
                .put("aud", audience)
                .put("jti", UUID.randomUUID().toString())
                .put("iat", iat)
                .put("exp", iat + LIFETIME_SECONDS);
        claims.set("authorization_details", authorizationDetails(orgnr));
        String signingInput = Jwt.base64Url(bytes(header)) + "." + Jwt.base64Url(bytes(claims));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Jwt.base64Url(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the client assertion for " + clientId + ": " + e.getMessage(), e);
        }
    }

    /** HelseID's way of naming the organisation (by organisation number) a multi-tenant client acts for. */
    public static ArrayNode authorizationDetails(String orgnr) {
        ObjectNode identifier = JSON.createObjectNode()
                .put("system", "urn:oid:1.0.6523")
                .put("type", "ENH")
                .put("value", "NO:ORGNR:" + orgnr);
        ObjectNode detail = JSON.createObjectNode().put("type", "helseid_authorization");
        detail.putObject("practitioner_role").putObject("organization").set("identifier", identifier);
        return JSON.createArrayNode().add(detail);
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
