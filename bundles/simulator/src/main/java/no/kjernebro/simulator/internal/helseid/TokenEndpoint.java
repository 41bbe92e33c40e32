package no.kjernebro.simulator.internal.helseid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import no.kjernebro.api.identity.OrganisationNumber;
import no.kjernebro.simulator.internal.http.FormParameters;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.http.Json;
import no.kjernebro.simulator.internal.http.Responses;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /connect/token}: client credentials with a {@code private_key_jwt} assertion. */
final class TokenEndpoint implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final String ORGNR_PREFIX = "NO:ORGNR:";

    private final ClientAssertionVerifier verifier;
    private final AccessTokens tokens;

    TokenEndpoint(ClientAssertionVerifier verifier, AccessTokens tokens) {
        this.verifier = verifier;
        this.tokens = tokens;
    }

    @Override
    public void process(Exchange exchange) {
        Map<String, String> form = FormParameters.of(exchange, "grant_type", "client_id", "client_assertion_type",
                "client_assertion", "scope", "authorization_details");
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw HttpProblem.oauth(400, "unsupported_grant_type", "only client_credentials is supported");
        }
        String clientId = form.get("client_id");
        if (clientId == null || clientId.isBlank()) {
            throw HttpProblem.oauth(400, "invalid_request", "client_id is required");
        }
        if (!JWT_BEARER.equals(form.get("client_assertion_type")) || form.get("client_assertion") == null) {
            throw HttpProblem.oauth(400, "invalid_request", "a jwt-bearer client_assertion is required");
        }
        try {
            verifier.verify(clientId, form.get("client_assertion"), exchange.getIn().getHeader(Exchange.HTTP_URL, String.class));
        } catch (HttpProblem refused) {
            LOG.info("Refused token request of HelseID client {}: {}", clientId,
                    refused.body().path("error_description").asText());
            throw refused;
        }
        requireScope(form.get("scope"));
        String orgnr = orgnr(form.get("authorization_details"));

        String token = tokens.issueSystemToken(clientId, orgnr);
        LOG.info("Issued system token to HelseID client {} for organisation {}", clientId, orgnr);
        Responses.json(exchange, 200, Json.object()
                .put("access_token", token)
                .put("token_type", "Bearer")
                .put("expires_in", AccessTokens.SYSTEM_TOKEN_TTL.toSeconds())
                .put("scope", AccessTokens.SCOPE));
    }

    private static void requireScope(String scope) {
        if (scope == null || scope.isBlank()) {
            throw HttpProblem.oauth(400, "invalid_scope", "scope " + AccessTokens.SCOPE + " is required");
        }
        Set<String> requested = Set.copyOf(Arrays.asList(scope.trim().split("\\s+")));
        if (!requested.equals(Set.of(AccessTokens.SCOPE))) {
            throw HttpProblem.oauth(400, "invalid_scope", "this client may only ask for " + AccessTokens.SCOPE);
        }
    }

    /** The organisation a multi-tenant client acts for, from {@code authorization_details}; null if absent. */
    static String orgnr(String authorizationDetails) {
        if (authorizationDetails == null || authorizationDetails.isBlank()) {
            return null;
        }
        JsonNode details;
        try {
            details = Json.MAPPER.readTree(authorizationDetails);
        } catch (Exception e) {
            throw HttpProblem.oauth(400, "invalid_request", "authorization_details is not JSON");
        }
        if (details.isObject()) {
            details = Json.MAPPER.createArrayNode().add(details);
        }
        for (JsonNode detail : details) {
            if (!"helseid_authorization".equals(detail.path("type").asText())) {
                continue;
            }
            String value = detail.path("practitioner_role").path("organization").path("identifier").path("value").asText("");
            if (!value.startsWith(ORGNR_PREFIX)) {
                throw HttpProblem.oauth(400, "invalid_request", "organization identifier must be NO:ORGNR:<orgnr>");
            }
            String orgnr = value.substring(ORGNR_PREFIX.length());
            if (!OrganisationNumber.isValid(orgnr)) {
                throw HttpProblem.oauth(400, "invalid_request", "organisation number " + orgnr + " is not valid");
            }
            return orgnr;
        }
        return null;
    }
}
