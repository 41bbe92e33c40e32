package no.kjernebro.core.internal.helseid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code private_key_jwt} client assertion (RFC 7523) HelseID authenticates a client with:
 * {@code iss} = {@code sub} = client id, {@code aud} = the token endpoint, a fresh {@code jti},
 * valid from now for {@link #LIFETIME_SECONDS}. A multi-tenant client names the organisation it
 * acts for in the assertion's {@code authorization_details} claim, as HelseID documents for
 * client credentials.
 */
public final class ClientAssertion {

    /** HelseID refuses assertions living longer than 60 s; half leaves room for clock differences. */
    static final int LIFETIME_SECONDS = 30;
    static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private ClientAssertion() {
    }

    /** @param orgnr the organisation a multi-tenant client acts for, or null for a single-tenant client */
    public static String create(String clientId, String tokenEndpoint, SigningKey key, String orgnr, Instant now) {
        ObjectNode header = Jose.JSON.createObjectNode().put("typ", "JWT").put("kid", key.keyId());
        long iat = now.getEpochSecond();
        ObjectNode claims = Jose.JSON.createObjectNode()
                .put("iss", clientId)
                .put("sub", clientId)
                .put("aud", tokenEndpoint)
                .put("jti", UUID.randomUUID().toString())
                .put("iat", iat)
                .put("nbf", iat)
                .put("exp", iat + LIFETIME_SECONDS);
        if (orgnr != null) {
            claims.set("authorization_details", AuthorizationDetails.forOrganisation(orgnr));
        }
        return Jose.sign(header, claims, key);
    }
}
