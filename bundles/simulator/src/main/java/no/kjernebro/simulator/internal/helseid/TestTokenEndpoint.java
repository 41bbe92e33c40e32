package no.kjernebro.simulator.internal.helseid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
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
 */
final class TestTokenEndpoint implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(TestTokenEndpoint.class);

    private final Dataset dataset;
    private final AccessTokens tokens;

    TestTokenEndpoint(Dataset dataset, AccessTokens tokens) {
        this.dataset = dataset;
        this.tokens = tokens;
    }

    @Override
    public void process(Exchange exchange) {
        ObjectNode request = Json.requestObject(exchange.getIn().getBody(String.class));
        String hpr = Json.text(request, "hprNumber");
        String subject = Json.text(request, "subject");
        String orgnr = Json.text(request, "orgnr");
        if (hpr == null && subject == null) {
            throw HttpProblem.oauth(400, "invalid_request", "hprNumber or subject is required");
        }
        if (orgnr != null && !OrganisationNumber.isValid(orgnr)) {
            throw HttpProblem.oauth(400, "invalid_request", "orgnr is not a valid organisation number");
        }
        Optional<Dataset.Person> person = hpr != null ? dataset.personByHpr(hpr) : dataset.personBySubject(subject);
        if (person.isEmpty()) {
            throw HttpProblem.oauth(404, "unknown_person", "the dataset has no such person");
        }
        LOG.info("Issued test user token for {}", person.get().subject());
        Responses.json(exchange, 200, Json.object()
                .put("access_token", tokens.issueUserToken(person.get(), orgnr))
                .put("token_type", "Bearer")
                .put("expires_in", AccessTokens.USER_TOKEN_TTL.toSeconds()));
    }
}
