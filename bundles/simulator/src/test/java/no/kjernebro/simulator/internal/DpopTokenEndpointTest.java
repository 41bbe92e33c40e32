package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DPoP at the HelseID token endpoint (RFC 9449 §5 and §8): proofs, nonces, bound tokens. */
class DpopTokenEndpointTest extends SimulatorTestSupport {

    @Test
    void demandsANonceThenIssuesATokenBoundToTheProofKey() throws Exception {
        DpopKey key = DpopKey.ec();
        Map<String, String> form = tokenForm(CLIENT_ID, validAssertion());

        HttpResponse<String> first = requestToken(form, key.proof("POST", tokenEndpoint(), null, null, now()));
        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(json(first).get("error").asText()).isEqualTo("use_dpop_nonce");
        String nonce = first.headers().firstValue("DPoP-Nonce").orElseThrow();

        // The same client assertion again: a nonce challenge must not have used up its jti.
        HttpResponse<String> second = requestToken(form, key.proof("POST", tokenEndpoint(), nonce, null, now()));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(json(second).get("token_type").asText()).isEqualTo("DPoP");
        JsonNode claims = claims(json(second).get("access_token").asText());
        assertThat(claims.at("/cnf/jkt").asText()).isEqualTo(key.jkt());
    }

    @Test
    void refusesAReplayedProof() throws Exception {
        DpopKey key = DpopKey.ec();
        String nonce = nonce(key);
        String proof = key.proof("POST", tokenEndpoint(), nonce, null, now());
        assertThat(requestToken(tokenForm(CLIENT_ID, validAssertion()), proof).statusCode()).isEqualTo(200);

        HttpResponse<String> replay = requestToken(tokenForm(CLIENT_ID, validAssertion()), proof);

        assertInvalidProof(replay, "jti");
    }

    @Test
    void refusesProofsForAnotherUrlMethodOrTypeOrWithAPrivateKeyOrOld() throws Exception {
        DpopKey key = DpopKey.rsa();
        String nonce = nonce(key);

        assertInvalidProof(requestToken(tokenForm(CLIENT_ID, validAssertion()),
                key.proof("POST", "https://helseid-sts.test.nhn.no/connect/token", nonce, null, now())), "htu");
        assertInvalidProof(requestToken(tokenForm(CLIENT_ID, validAssertion()),
                key.proof("GET", tokenEndpoint(), nonce, null, now())), "htm");
        ObjectNode wrongType = key.header().put("typ", "JWT");
        assertInvalidProof(requestToken(tokenForm(CLIENT_ID, validAssertion()),
                key.sign(wrongType, key.claims("POST", tokenEndpoint(), nonce, null, now()))), "typ");
        ObjectNode leaky = key.header();
        ((ObjectNode) leaky.get("jwk")).put("d", "c2VjcmV0");
        assertInvalidProof(requestToken(tokenForm(CLIENT_ID, validAssertion()),
                key.sign(leaky, key.claims("POST", tokenEndpoint(), nonce, null, now()))), "private");
        assertInvalidProof(requestToken(tokenForm(CLIENT_ID, validAssertion()),
                key.proof("POST", tokenEndpoint(), nonce, null, now().minusSeconds(600))), "iat");
    }

    @Test
    void aRotatedNonceIsAnsweredWithANewNonce() throws Exception {
        DpopKey key = DpopKey.ec();
        String old = nonce(key);
        assertThat(postJson("/sim/dpop/rotate-nonces", "{}", null).statusCode()).isEqualTo(200);

        HttpResponse<String> stale = requestToken(tokenForm(CLIENT_ID, validAssertion()),
                key.proof("POST", tokenEndpoint(), old, null, now()));

        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(json(stale).get("error").asText()).isEqualTo("use_dpop_nonce");
        assertThat(stale.headers().firstValue("DPoP-Nonce")).isPresent().get().isNotEqualTo(old);
    }

    @Test
    void withoutAProofTheTokenIsABearerTokenWhileDpopIsNotRequired() throws Exception {
        HttpResponse<String> response = requestToken(validAssertion(), ORGNR_ALTA);

        assertThat(json(response).get("token_type").asText()).isEqualTo("Bearer");
        assertThat(claims(json(response).get("access_token").asText()).has("cnf")).isFalse();
    }

    private String nonce(DpopKey key) throws Exception {
        HttpResponse<String> challenge = requestToken(tokenForm(CLIENT_ID, validAssertion()),
                key.proof("POST", tokenEndpoint(), null, null, now()));
        return challenge.headers().firstValue("DPoP-Nonce").orElseThrow();
    }

    private static void assertInvalidProof(HttpResponse<String> response, String descriptionPart) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_dpop_proof");
        assertThat(json(response).get("error_description").asText()).contains(descriptionPart);
    }
}
