package no.kjernebro.simulator.internal.helseid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import no.kjernebro.simulator.internal.http.Json;
import no.kjernebro.simulator.internal.http.Responses;
import no.kjernebro.simulator.internal.jwt.JwsAlgorithm;
import no.kjernebro.simulator.internal.jwt.SigningKey;
import org.apache.camel.Exchange;

/** OpenID Connect discovery metadata and the JWKS with the simulator's signing key. */
final class Discovery {

    private final String issuer;
    private final SigningKey key;

    Discovery(String issuer, SigningKey key) {
        this.issuer = issuer;
        this.key = key;
    }

    void openidConfiguration(Exchange exchange) {
        ObjectNode metadata = Json.object()
                .put("issuer", issuer)
                .put("token_endpoint", issuer + "/connect/token")
                .put("jwks_uri", issuer + "/jwks");
        metadata.putArray("grant_types_supported").add("client_credentials");
        metadata.putArray("token_endpoint_auth_methods_supported").add("private_key_jwt");
        JwsAlgorithm.names().forEach(metadata.putArray("token_endpoint_auth_signing_alg_values_supported")::add);
        JwsAlgorithm.names().forEach(metadata.putArray("dpop_signing_alg_values_supported")::add);
        metadata.putArray("id_token_signing_alg_values_supported").add("RS256");
        metadata.putArray("scopes_supported").add(AccessTokens.SCOPE);
        metadata.putArray("authorization_details_types_supported").add("helseid_authorization");
        Responses.json(exchange, 200, metadata);
    }

    void jwks(Exchange exchange) {
        ObjectNode jwks = Json.object();
        jwks.putArray("keys").add(key.jwk(Json.MAPPER));
        Responses.json(exchange, 200, jwks);
    }
}
