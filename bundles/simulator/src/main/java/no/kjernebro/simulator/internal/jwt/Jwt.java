package no.kjernebro.simulator.internal.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A compact-serialised JWS with the RS256 algorithm, the only one HelseID clients and this
 * simulator use. Small on purpose: the simulator must not pull a JWT library into the runtime.
 */
public final class Jwt {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String RS256 = "RS256";

    private final ObjectNode header;
    private final ObjectNode claims;
    private final String signingInput;
    private final byte[] signature;

    private Jwt(ObjectNode header, ObjectNode claims, String signingInput, byte[] signature) {
        this.header = header;
        this.claims = claims;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    /** Signs the claims with RS256; {@code kid} is put in the header when not null. */
    public static String sign(ObjectNode claims, PrivateKey key, String kid) {
        ObjectNode header = MAPPER.createObjectNode().put("alg", RS256).put("typ", "JWT");
        if (kid != null) {
            header.put("kid", kid);
        }
        try {
            String input = encode(MAPPER.writeValueAsBytes(header)) + "." + encode(MAPPER.writeValueAsBytes(claims));
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + encode(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }

    /** Reads a token without trusting it yet; call {@link #verify(PublicKey)} before using a claim. */
    public static Jwt parse(String token) throws JwtException {
        if (token == null) {
            throw new JwtException("no token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw new JwtException("not a signed JWT");
        }
        try {
            JsonNode header = MAPPER.readTree(DECODER.decode(parts[0]));
            JsonNode claims = MAPPER.readTree(DECODER.decode(parts[1]));
            if (!(header instanceof ObjectNode h) || !(claims instanceof ObjectNode c)) {
                throw new JwtException("header and claims must be JSON objects");
            }
            return new Jwt(h, c, parts[0] + "." + parts[1], DECODER.decode(parts[2]));
        } catch (JwtException e) {
            throw e;
        } catch (Exception e) {
            throw new JwtException("malformed JWT");
        }
    }

    /**
     * Checks the algorithm and signature.
     *
     * @throws JwtException when the algorithm is not RS256 or the signature does not match the key
     */
    public Jwt verify(PublicKey key) throws JwtException {
        if (!RS256.equals(header.path("alg").asText())) {
            throw new JwtException("algorithm must be RS256");
        }
        boolean valid;
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            valid = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new JwtException("signature does not verify");
        }
        return this;
    }

    public ObjectNode header() {
        return header;
    }

    public ObjectNode claims() {
        return claims;
    }

    /** A claim as text, or null when absent. */
    public String claim(String name) {
        JsonNode value = claims.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A numeric date claim in epoch seconds, or null when absent or not a number. */
    public Long epochSeconds(String name) {
        JsonNode value = claims.get(name);
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    /** True when {@code aud} is the value or an array containing it. */
    public boolean hasAudience(String audience) {
        JsonNode aud = claims.get("aud");
        if (aud == null) {
            return false;
        }
        if (aud.isArray()) {
            for (JsonNode each : aud) {
                if (audience.equals(each.asText())) {
                    return true;
                }
            }
            return false;
        }
        return audience.equals(aud.asText());
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }
}
