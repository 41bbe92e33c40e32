package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DPoP-bound tokens at the kjernejournal APIs (RFC 9449 §7 and §9). */
class DpopResourceServerTest extends SimulatorTestSupport {

    private static final String HELSEINDIKATOR_BODY = "{\"fnr\":\"05902823095\",\"samtykke\":\"HPMOTTATTSAMTYKKE\"}";

    private DpopKey key;
    private String token;

    @BeforeAll
    void dpopToken() throws Exception {
        key = DpopKey.ec();
        token = dpopSystemToken(key, ORGNR_ALTA);
    }

    @Test
    void demandsTheApisOwnNonceThenAnswers() throws Exception {
        HttpResponse<String> first = dpopRequest("POST", "/v1/helseindikator", HELSEINDIKATOR_BODY, token, key, null, Map.of());
        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(json(first).get("error").asText()).isEqualTo("use_dpop_nonce");
        assertThat(first.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("DPoP ").contains("error=\"use_dpop_nonce\""));
        String nonce = first.headers().firstValue("DPoP-Nonce").orElseThrow();

        HttpResponse<String> second = dpopRequest("POST", "/v1/helseindikator", HELSEINDIKATOR_BODY, token, key, nonce, Map.of());

        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(json(second).get("status").asInt()).isEqualTo(4);
    }

    @Test
    void aDpopBoundTokenSentAsBearerIsRefused() throws Exception {
        HttpResponse<String> response = helseindikator(token, "05902823095");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_token");
        assertThat(json(response).get("error_description").asText()).contains("DPoP-bound");
    }

    @Test
    void refusesAProofWithoutTheTokenHashFromAnotherKeyOrForAnotherUrl() throws Exception {
        String nonce = nonce();
        HttpResponse<String> noAth = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/helseindikator"))
                .header("X-EPJ-System", EPJ).header("Content-Type", "application/json")
                .header("Authorization", "DPoP " + token)
                .header("DPoP", key.proof("POST", baseUrl + "/v1/helseindikator", nonce, null, now()))
                .POST(HttpRequest.BodyPublishers.ofString(HELSEINDIKATOR_BODY)));
        assertInvalidProof(noAth, "ath");

        HttpResponse<String> otherKey = dpopRequest("POST", "/v1/helseindikator", HELSEINDIKATOR_BODY, token, DpopKey.ec(),
                nonce, Map.of());
        assertInvalidProof(otherKey, "bound");

        HttpResponse<String> otherUrl = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/helseindikator"))
                .header("X-EPJ-System", EPJ).header("Content-Type", "application/json")
                .header("Authorization", "DPoP " + token)
                .header("DPoP", key.proof("POST", baseUrl + "/v1/legemiddelvarsling", nonce, token, now()))
                .POST(HttpRequest.BodyPublishers.ofString(HELSEINDIKATOR_BODY)));
        assertInvalidProof(otherUrl, "htu");
    }

    @Test
    void aReplayedProofIsRefused() throws Exception {
        String proof = key.proof("POST", baseUrl + "/v1/helseindikator", nonce(), token, now());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/helseindikator"))
                .header("X-EPJ-System", EPJ).header("Content-Type", "application/json")
                .header("Authorization", "DPoP " + token).header("DPoP", proof)
                .POST(HttpRequest.BodyPublishers.ofString(HELSEINDIKATOR_BODY));
        assertThat(send(request).statusCode()).isEqualTo(200);

        assertInvalidProof(send(request), "jti");
    }

    @Test
    void theHtuLeavesOutTheQueryAndUserTokensCanBeBoundToo() throws Exception {
        String ticket = json(dpopRequestWithNonceRetry("POST", "/v1/helseindikator", HELSEINDIKATOR_BODY, token, key, Map.of()))
                .get("ticket").asText();
        DpopKey userKey = DpopKey.ec();
        String userToken = userTokenFor("{\"hprNumber\":\"9100002\",\"dpop_jkt\":\"" + userKey.jkt() + "\"}");
        assertThat(claims(userToken).at("/cnf/jkt").asText()).isEqualTo(userKey.jkt());

        HttpResponse<String> legemidler = dpopRequestWithNonceRetry("GET", "/v1/legemidler?ticket=" + ticket, null,
                userToken, userKey, Map.of());
        assertThat(legemidler.statusCode()).as(legemidler.body()).isEqualTo(200);
        assertThat(json(legemidler).get("legemidler").size()).isPositive();

        HttpResponse<String> everything = dpopRequestWithNonceRetry("GET", "/v1/fhir/Patient/$everything", null,
                userToken, userKey, Map.of("X-kj-ticket", ticket));
        assertThat(everything.statusCode()).as(everything.body()).isEqualTo(200);
        assertThat(json(everything).get("resourceType").asText()).isEqualTo("Bundle");
    }

    @Test
    void legemiddelvarslingTakesDpopAndBearerTokensStillWorkWhileDpopIsOptional() throws Exception {
        String batch = "{\"pasienter\":[{\"fnr\":\"21874614847\"}]}";
        HttpResponse<String> dpop = dpopRequestWithNonceRetry("POST", "/v1/legemiddelvarsling", batch, token, key, Map.of());
        assertThat(dpop.statusCode()).as(dpop.body()).isEqualTo(200);

        HttpResponse<String> bearer = postJson("/v1/legemiddelvarsling", batch, systemToken(ORGNR_ALTA));
        assertThat(bearer.statusCode()).as(bearer.body()).isEqualTo(200);
        JsonNode stats = json(get("/sim/stats", Map.of()));
        assertThat(stats.at("/tokensIssued/DPoP").asLong()).isPositive();
        assertThat(stats.at("/dpopNonceChallenges/legemiddelvarsling").asLong()).isPositive();
    }

    private String nonce() throws Exception {
        return dpopRequest("POST", "/v1/helseindikator", HELSEINDIKATOR_BODY, token, key, null, Map.of())
                .headers().firstValue("DPoP-Nonce").orElseThrow();
    }

    private static void assertInvalidProof(HttpResponse<String> response, String descriptionPart) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_dpop_proof");
        assertThat(json(response).get("error_description").asText()).contains(descriptionPart);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).contains("error=\"invalid_dpop_proof\""));
    }
}
