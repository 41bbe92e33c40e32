package no.kjernebro.simulator.internal.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A compact-serialised JWS with one of the asymmetric {@link JwsAlgorithm algorithms} HelseID accepts.
 * The simulator signs its own tokens with RS256. Small on purpose: the simulator must not pull a JWT
 * library into the runtime.
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
        return sign(header, claims, key);
    }

    /** Signs with the algorithm the header names (which must be one of {@link JwsAlgorithm}). */
    public static String sign(ObjectNode header, ObjectNode claims, PrivateKey key) {
        JwsAlgorithm algorithm = JwsAlgorithm.of(header.path("alg").asText())
                .orElseThrow(() -> new IllegalArgumentException("unsupported alg " + header.path("alg")));
        try {
            String input = encode(MAPPER.writeValueAsBytes(header)) + "." + encode(MAPPER.writeValueAsBytes(claims));
            return input + "." + encode(algorithm.sign(key, input.getBytes(StandardCharsets.US_ASCII)));
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
        if (parts.length != 3) {
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
     * @throws JwtException when the algorithm is none, symmetric or unknown, does not fit the key, or the
     *         signature does not match the key
     */
    public Jwt verify(PublicKey key) throws JwtException {
        JwsAlgorithm algorithm = algorithm();
        if (!algorithm.fits(key)) {
            throw new JwtException("alg " + algorithm + " does not fit the registered " + key.getAlgorithm() + " key");
        }
        if (signature.length == 0 || !algorithm.verify(key, signingInput.getBytes(StandardCharsets.US_ASCII), signature)) {
            throw new JwtException("signature does not verify");
        }
        return this;
    }

    /**
     * The header's {@code alg}.
     *
     * @throws JwtException for {@code none}, {@code HS*} or anything else that is not an accepted asymmetric algorithm
     */
    public JwsAlgorithm algorithm() throws JwtException {
        String alg = header.path("alg").asText("");
        return JwsAlgorithm.of(alg).orElseThrow(() -> new JwtException("alg " + (alg.isEmpty() ? "(missing)" : alg)
                + " is not allowed; use an asymmetric algorithm: " + JwsAlgorithm.names()));
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
