package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runtime fault injection per API, and the counters tests read. */
class FaultInjectionTest extends SimulatorTestSupport {

    private String systemToken;
    private String userToken;

    @BeforeAll
    void tokens() throws Exception {
        systemToken = systemToken(ORGNR_ALTA);
        userToken = userToken("9100001");
    }

    @AfterEach
    void clear() throws Exception {
        delete("/sim/faults");
    }

    @Test
    void statusFaultAnswersInTheApisOwnErrorStyleForTheNextNRequestsOnly() throws Exception {
        String ticket = ticket("05902823095");
        assertThat(setFault("{\"api\":\"fhir\",\"status\":503,\"times\":2}").statusCode()).isEqualTo(200);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = everything(ticket);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(json(refused).get("resourceType").asText()).isEqualTo("OperationOutcome");
            assertThat(json(refused).at("/issue/0/code").asText()).isEqualTo("transient");
        }
        assertThat(helseindikator(systemToken, "05902823095").statusCode()).isEqualTo(200); // other APIs untouched
        assertThat(everything(ticket).statusCode()).isEqualTo(200); // used up: recovered
        assertThat(json(get("/sim/faults", Map.of())).get("faults").size()).isZero();
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() throws Exception {
        setFault("{\"api\":\"helseindikator\",\"rateLimit\":{\"retryAfterSeconds\":2}}");

        HttpResponse<String> limited = helseindikator(systemToken, "05902823095");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        assertThat(json(limited).get("error").asText()).isEqualTo("too_many_requests");
    }

    @Test
    void malformedAnswersTheRealStatusWithAnUnparseableBody() throws Exception {
        setFault("{\"api\":\"helseindikator\",\"malformed\":true,\"times\":1}");

        HttpResponse<String> response = helseindikator(systemToken, "05902823095");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"status\":4");
        assertThatThrownBy(() -> json(response)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void oversizedIsAHugeButValidBodyWithTheSameContent() throws Exception {
        String ticket = ticket("05902823095");
        setFault("{\"api\":\"legemidler\",\"oversized\":true,\"oversizedBytes\":3000000,\"times\":1}");

        HttpResponse<String> huge = legemidler(ticket);
        HttpResponse<String> normal = legemidler(ticket);

        assertThat(huge.statusCode()).isEqualTo(200);
        assertThat(huge.body().length()).isGreaterThan(3_000_000);
        assertThat(json(huge)).isEqualTo(json(normal));
    }

    @Test
    void timeoutHoldsTheRequestBeyondTheClientsTimeoutUntilTheFaultIsCleared() throws Exception {
        setFault("{\"api\":\"legemiddelvarsling\",\"timeout\":true,\"timeoutMs\":60000}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/legemiddelvarsling"))
                .header("Content-Type", "application/json").header("X-EPJ-System", EPJ)
                .header("Authorization", "Bearer " + systemToken)
                .timeout(Duration.ofMillis(300))
                .POST(HttpRequest.BodyPublishers.ofString("{\"pasienter\":[{\"fnr\":\"21874614847\"}]}")).build();

        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);

        // A patient client (no timeout) is held until the fault is lifted, then told 504.
        CompletableFuture<HttpResponse<String>> held = http.sendAsync(HttpRequest.newBuilder(request, (n, v) -> true)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete("/sim/faults/legemiddelvarsling").statusCode()).isEqualTo(200);
        HttpResponse<String> released = held.get(30, TimeUnit.SECONDS);
        assertThat(released.statusCode()).isIn(504, 200); // 200 if it arrived after the fault was lifted
        assertThat(send(HttpRequest.newBuilder(request, (n, v) -> true).timeout(Duration.ofSeconds(30))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void helseIdAndAuditFaultsAndTheOldFormStillWork() throws Exception {
        setFault("{\"api\":\"helseid-token\",\"status\":500,\"times\":1}");
        HttpResponse<String> token = requestToken(validAssertion(), ORGNR_ALTA);
        assertThat(token.statusCode()).isEqualTo(500);
        assertThat(json(token).get("error").asText()).isEqualTo("server_error");
        assertThat(requestToken(validAssertion(), ORGNR_ALTA).statusCode()).isEqualTo(200);

        setFault("{\"api\":\"audit\",\"status\":503}");
        HttpResponse<String> audit = send(HttpRequest.newBuilder(URI.create(baseUrl + "/fhir/AuditEvent"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"AuditEvent\",\"id\":\"f-1\"}")));
        assertThat(audit.statusCode()).isEqualTo(503);
        assertThat(json(audit).get("resourceType").asText()).isEqualTo("OperationOutcome");

        HttpResponse<String> legacy = setFault("{\"latencyMs\":0,\"unavailable\":true}");
        assertThat(json(legacy).get("unavailable").asBoolean()).isTrue();
        assertThat(helseindikator(systemToken, "05902823095").statusCode()).isEqualTo(503);
        assertThat(requestToken(validAssertion(), ORGNR_ALTA).statusCode()).isEqualTo(200);
        JsonNode current = json(get("/sim/faults", Map.of())).get("faults");
        assertThat(current.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("audit", "helseindikator", "fhir", "legemidler", "legemiddelvarsling");
        setFault("{}");
        assertThat(helseindikator(systemToken, "05902823095").statusCode()).isEqualTo(200);
    }

    @Test
    void allAppliesToEveryApiAndBadSettingsAreRefused() throws Exception {
        setFault("{\"api\":\"all\",\"status\":502,\"times\":1}");
        assertThat(json(get("/sim/faults", Map.of())).get("faults").size()).isEqualTo(6);
        assertThat(requestToken(validAssertion(), ORGNR_ALTA).statusCode()).isEqualTo(502);

        assertThat(setFault("{\"api\":\"tull\",\"status\":503}").statusCode()).isEqualTo(400);
        assertThat(setFault("{\"api\":\"fhir\",\"status\":200}").statusCode()).isEqualTo(400);
        assertThat(setFault("{\"api\":\"fhir\",\"times\":0,\"status\":503}").statusCode()).isEqualTo(400);
        assertThat(delete("/sim/faults/tull").statusCode()).isEqualTo(404);
    }

    @Test
    void statsCountRequestsTokensHelseindikatorCallsAndFaultsUntilReset() throws Exception {
        assertThat(delete("/sim/stats").statusCode()).isEqualTo(200);
        systemToken(ORGNR_ALTA);
        helseindikator(systemToken, "05902823095");
        helseindikator(systemToken, "04887734157");
        setFault("{\"api\":\"helseindikator\",\"status\":503,\"times\":1}");
        helseindikator(systemToken, "05902823095");

        JsonNode stats = json(get("/sim/stats", Map.of()));
        assertThat(stats.get("tokenRequests").asLong()).isEqualTo(1);
        assertThat(stats.at("/tokensIssued/Bearer").asLong()).isEqualTo(1);
        assertThat(stats.get("helseindikatorCalls").asLong()).isEqualTo(3);
        assertThat(stats.at("/requests/helseindikator").asLong()).isEqualTo(3);
        assertThat(stats.get("ticketsIssued").asLong()).isEqualTo(1);
        assertThat(stats.at("/responses/helseindikator/200").asLong()).isEqualTo(2);
        assertThat(stats.at("/responses/helseindikator/503").asLong()).isEqualTo(1);
        assertThat(stats.at("/faultsApplied/helseindikator").asLong()).isEqualTo(1);

        JsonNode reset = json(delete("/sim/stats"));
        assertThat(reset.get("helseindikatorCalls").asLong()).isZero();
    }

    private HttpResponse<String> setFault(String json) throws Exception {
        return postJson("/sim/faults", json, null);
    }

    private HttpResponse<String> delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    private HttpResponse<String> everything(String ticket) throws Exception {
        return get("/v1/fhir/Patient/$everything", Map.of("X-EPJ-System", EPJ, "X-kj-ticket", ticket,
                "Authorization", "Bearer " + userToken));
    }

    private HttpResponse<String> legemidler(String ticket) throws Exception {
        return get("/v1/legemidler?ticket=" + ticket, Map.of("X-EPJ-System", EPJ, "Authorization", "Bearer " + userToken));
    }
}
