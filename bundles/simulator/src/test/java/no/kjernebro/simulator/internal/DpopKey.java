package no.kjernebro.simulator.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.UUID;
import no.kjernebro.simulator.internal.dpop.DpopProofVerifier;
import no.kjernebro.simulator.internal.jwt.Jwk;
import no.kjernebro.simulator.internal.jwt.Jwt;

/** A client's DPoP key (EC P-256 or RSA) and the proofs it makes (RFC 9449 §4.2). */
public final class DpopKey {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KeyPair keyPair;
    private final String alg;

    private DpopKey(KeyPair keyPair, String alg) {
        this.keyPair = keyPair;
        this.alg = alg;
    }

    public static DpopKey ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return new DpopKey(generator.generateKeyPair(), "ES256");
    }

    public static DpopKey rsa() throws Exception {
        return new DpopKey(SimulatorTestSupport.rsaKeyPair(), "PS256");
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public String jkt() {
        return Jwk.thumbprint(keyPair.getPublic());
    }

    public ObjectNode header() {
        ObjectNode header = MAPPER.createObjectNode().put("typ", "dpop+jwt").put("alg", alg);
        header.set("jwk", Jwk.of(keyPair.getPublic()));
        return header;
    }

    public ObjectNode claims(String method, String url, String nonce, String accessToken, Instant at) {
        ObjectNode claims = MAPPER.createObjectNode()
                .put("jti", UUID.randomUUID().toString())
                .put("htm", method)
                .put("htu", url)
                .put("iat", at.getEpochSecond());
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        if (accessToken != null) {
            claims.put("ath", DpopProofVerifier.ath(accessToken));
        }
        return claims;
    }

    public String proof(String method, String url, String nonce, String accessToken, Instant at) {
        return sign(header(), claims(method, url, nonce, accessToken, at));
    }

    public String sign(ObjectNode header, ObjectNode claims) {
        return Jwt.sign(header, claims, keyPair.getPrivate());
    }
}
