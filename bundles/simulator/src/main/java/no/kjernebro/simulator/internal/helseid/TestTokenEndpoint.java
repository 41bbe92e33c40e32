package no.kjernebro.simulator.internal.helseid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Supplier;
import no.kjernebro.api.identity.OrganisationNumber;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.http.HttpProblem;
import no.kjernebro.simulator.internal.http.Json;
import no.kjernebro.simulator.internal.http.Responses;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /testtoken}: a user token for a person of the dataset, standing in for HelseID's
 * test token service (in production the user logs in with BankID and the EPJ gets the token).
 * {@code "variant"} mints a deliberately bad token; {@code "dpop_jkt"} binds it to a DPoP key.
 */
final class TestTokenEndpoint implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(TestTokenEndpoint.class);

    private final Supplier<Dataset> dataset;
    private final AccessTokens tokens;

    TestTokenEndpoint(Supplier<Dataset> dataset, AccessTokens tokens) {
        this.dataset = dataset;
        this.tokens = tokens;
    }

    @Override
    public void process(Exchange exchange) {
        ObjectNode request = Json.requestObject(exchange.getIn().getBody(String.class));
        String hpr = Json.text(request, "hprNumber");
        String subject = Json.text(request, "subject");
        String orgnr = Json.text(request, "orgnr");
        String variantName = Json.text(request, "variant");
        UserTokenVariant variant = variantName == null ? null : UserTokenVariant.of(variantName).orElseThrow(() ->
                HttpProblem.oauth(400, "invalid_request", "variant must be one of " + UserTokenVariant.names()));
        String jkt = Json.text(request, "dpop_jkt");
        if (jkt != null && !jkt.matches("[A-Za-z0-9_-]{43}")) {
            throw HttpProblem.oauth(400, "invalid_request", "dpop_jkt must be an RFC 7638 SHA-256 thumbprint, base64url");
        }
        if (hpr == null && subject == null) {
            throw HttpProblem.oauth(400, "invalid_request", "hprNumber or subject is required");
        }
        if (orgnr != null && !OrganisationNumber.isValid(orgnr)) {
            throw HttpProblem.oauth(400, "invalid_request", "orgnr is not a valid organisation number");
        }
        Dataset dataset = this.dataset.get();
        Optional<Dataset.Person> person = hpr != null ? dataset.personByHpr(hpr) : dataset.personBySubject(subject);
        if (person.isEmpty()) {
            throw HttpProblem.oauth(404, "unknown_person", "the dataset has no such person");
        }
        LOG.info("Issued test user token for {}{}", person.get().subject(), variant == null ? "" : " (" + variant.id() + ")");
        Responses.json(exchange, 200, Json.object()
                .put("access_token", tokens.issueUserToken(person.get(), orgnr, variant, jkt))
                .put("token_type", jkt == null ? "Bearer" : "DPoP")
                .put("expires_in", AccessTokens.USER_TOKEN_TTL.toSeconds()));
    }
}
