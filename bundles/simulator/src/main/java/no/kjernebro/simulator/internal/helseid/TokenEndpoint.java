package no.kjernebro.simulator.internal.helseid;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import no.kjernebro.simulator.internal.dpop.DpopException;
import no.kjernebro.simulator.internal.dpop.DpopProofVerifier;
import no.kjernebro.simulator.internal.dpop.HttpTarget;
import no.kjernebro.simulator.internal.http.Api;
import no.kjernebro.simulator.internal.http.FormParameters;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.http.Json;
import no.kjernebro.simulator.internal.http.Responses;
import no.kjernebro.simulator.internal.http.Traffic;
import no.kjernebro.simulator.internal.jwt.Jwt;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /connect/token}: client credentials with a {@code private_key_jwt} assertion, optionally
 * DPoP-bound (RFC 9449 §5), for a single- or multi-tenant client.
 */
final class TokenEndpoint implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final ClientAssertionVerifier verifier;
    private final AccessTokens tokens;
    private final DpopProofVerifier dpop;
    private final boolean dpopRequired;
    private final String tokenEndpoint;
    private final Traffic traffic;

    TokenEndpoint(ClientAssertionVerifier verifier, AccessTokens tokens, DpopProofVerifier dpop, boolean dpopRequired,
                  String tokenEndpoint, Traffic traffic) {
        this.verifier = verifier;
        this.tokens = tokens;
        this.dpop = dpop;
        this.dpopRequired = dpopRequired;
        this.tokenEndpoint = tokenEndpoint;
        this.traffic = traffic;
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
        String requestUrl = exchange.getIn().getHeader(Exchange.HTTP_URL, String.class);
        // The proof (and its nonce) first: a use_dpop_nonce answer must not use up the client assertion's jti.
        String jkt = dpopKey(exchange.getIn().getHeader("DPoP", String.class), requestUrl);
        Jwt assertion;
        RegisteredClient client;
        try {
            client = verifier.client(clientId);
            assertion = verifier.verify(client, form.get("client_assertion"), requestUrl);
        } catch (HttpProblem refused) {
            LOG.info("Refused token request of HelseID client {}: {}", clientId,
                    refused.body().path("error_description").asText());
            throw refused;
        }
        requireScope(form.get("scope"));
        OrganisationRequest named = organisation(assertion, form.get("authorization_details"));
        OrganisationRequest acting = Tenancy.resolve(client, named);

        String token = tokens.issueSystemToken(clientId, acting == null ? null : acting.parent(),
                acting == null ? null : acting.child(), jkt);
        String tokenType = jkt == null ? "Bearer" : "DPoP";
        traffic.tokenIssued(tokenType);
        LOG.info("Issued {} system token to HelseID client {} for organisation {}", tokenType, clientId,
                acting == null ? null : acting.parent());
        Responses.json(exchange, 200, Json.object()
                .put("access_token", token)
                .put("token_type", tokenType)
                .put("expires_in", AccessTokens.SYSTEM_TOKEN_TTL.toSeconds())
                .put("scope", AccessTokens.SCOPE));
    }

    /** The thumbprint of the proof's key, or null for a Bearer request (allowed unless DPoP is required). */
    private String dpopKey(String proof, String requestUrl) {
        if (proof == null || proof.isBlank()) {
            if (dpopRequired) {
                throw HttpProblem.oauth(400, "invalid_dpop_proof", "this server issues DPoP-bound tokens only: send a DPoP proof");
            }
            return null;
        }
        Set<String> urls = new LinkedHashSet<>();
        urls.add(HttpTarget.normalise(tokenEndpoint));
        String received = HttpTarget.normalise(requestUrl);
        if (received != null) {
            urls.add(received);
        }
        try {
            return dpop.verify(proof, "POST", urls, null).jkt();
        } catch (DpopException e) {
            if (e.nonceRequired()) {
                traffic.nonceChallenge(Api.HELSEID_TOKEN);
                throw HttpProblem.oauth(400, "use_dpop_nonce", e.getMessage())
                        .withHeader("DPoP-Nonce", dpop.nonces().current());
            }
            throw HttpProblem.oauth(400, "invalid_dpop_proof", e.getMessage());
        }
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

    /**
     * What the request names: in the client assertion ({@code assertion_details} as HelseID's libraries
     * send it, or {@code authorization_details}), or the older form parameter; the two must agree.
     */
    private static OrganisationRequest organisation(Jwt assertion, String formParameter) {
        OrganisationRequest inAssertion = OrganisationRequest.from(assertion.claims().get("assertion_details"));
        if (inAssertion == null) {
            inAssertion = OrganisationRequest.from(assertion.claims().get("authorization_details"));
        }
        OrganisationRequest inForm = formParameter == null ? null
                : OrganisationRequest.from(Json.MAPPER.getNodeFactory().textNode(formParameter));
        if (inAssertion != null && inForm != null && !inAssertion.equals(inForm)) {
            throw OrganisationRequest.invalid("the client assertion and authorization_details name different organisations");
        }
        return inAssertion != null ? inAssertion : inForm;
    }

    /** The organisation a token is issued for, given how the client is registered. */
    static final class Tenancy {

        private Tenancy() {
        }

        static OrganisationRequest resolve(RegisteredClient client, OrganisationRequest named) {
            return switch (client.tenancy()) {
                case SINGLE -> {
                    if (named != null && named.parent() != null && !named.parent().equals(client.orgnr())) {
                        throw OrganisationRequest.invalid("single-tenant client " + client.clientId() + " acts for "
                                + client.orgnr() + " only, not " + named.parent());
                    }
                    // HelseID puts a single-tenant client's own organisation in the token by itself.
                    yield new OrganisationRequest(client.orgnr(), named == null ? null : named.child());
                }
                case MULTI -> {
                    if (named != null && named.parent() == null) {
                        throw OrganisationRequest.invalid("a multi-tenant client names the parent organisation: "
                                + "NO:ORGNR:<parent>[:<child>] with system " + OrganisationRequest.MULTI_TENANT_SYSTEM);
                    }
                    if (named != null && !client.organisations().isEmpty() && !client.organisations().contains(named.parent())) {
                        throw OrganisationRequest.invalid("client " + client.clientId() + " has no delegation from "
                                + named.parent());
                    }
                    yield named;
                }
                case UNSPECIFIED -> named;
            };
        }
    }
}
