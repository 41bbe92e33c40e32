package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Set;

/**
 * A compact JWS read but not yet trusted. Only asymmetric algorithms HelseID uses are accepted:
 * {@code none} and the HMAC family would let anyone who knows a public key forge a token.
 */
final class SignedJwt {

    static final Set<String> ALLOWED_ALGORITHMS = Set.of("RS256", "PS256", "ES256");

    private final JsonNode header;
    private final JsonNode claims;
    private final byte[] signingInput;
    private final byte[] signature;

    private SignedJwt(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
        this.header = header;
        this.claims = claims;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    /** @return null when the text is not a compact JWS with JSON object header and claims */
    static SignedJwt parse(String token) {
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode header = Jose.parse(Jose.fromBase64Url(parts[0]));
            JsonNode claims = Jose.parse(Jose.fromBase64Url(parts[1]));
            byte[] signature = Jose.fromBase64Url(parts[2]);
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                return null;
            }
            return new SignedJwt(header, claims, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    String algorithm() {
        return header.path("alg").asText("");
    }

    String keyId() {
        JsonNode kid = header.get("kid");
        return kid == null || kid.isNull() ? null : kid.asText();
    }

    JsonNode header() {
        return header;
    }

    JsonNode claims() {
        return claims;
    }

    /** True when the key fits the algorithm (and any algorithm the JWKS pins) and the signature verifies. */
    boolean verifiedBy(VerificationKey key) {
        String alg = algorithm();
        if (!ALLOWED_ALGORITHMS.contains(alg) || (key.algorithm() != null && !key.algorithm().equals(alg))) {
            return false;
        }
        PublicKey publicKey = key.key();
        try {
            Signature verifier;
            switch (alg) {
                case "RS256" -> {
                    if (!(publicKey instanceof RSAPublicKey)) {
                        return false;
                    }
                    verifier = Signature.getInstance("SHA256withRSA");
                }
                case "PS256" -> {
                    if (!(publicKey instanceof RSAPublicKey)) {
                        return false;
                    }
                    verifier = Signature.getInstance("RSASSA-PSS");
                    verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                }
                default -> {
                    if (!(publicKey instanceof ECPublicKey ec) || !Jwk.isP256(ec.getParams())) {
                        return false;
                    }
                    verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
                }
            }
            verifier.initVerify(publicKey);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
