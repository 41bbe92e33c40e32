package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code dpop.required=true}: only DPoP-bound system tokens, at HelseID and at the APIs. */
class DpopRequiredTest extends SimulatorTestSupport {

    @Override
    protected SimulatorSettings customise(SimulatorSettings settings) {
        return settings.withDpop(new SimulatorSettings.Dpop(true, true, Duration.ofSeconds(300), Duration.ofSeconds(60)));
    }

    @Test
    void theTokenEndpointRefusesARequestWithoutProof() throws Exception {
        HttpResponse<String> response = requestToken(validAssertion(), ORGNR_ALTA);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_dpop_proof");
    }

    @Test
    void theApisAcceptDpopAndStillAcceptBearerUserTokens() throws Exception {
        DpopKey key = DpopKey.ec();
        String token = dpopSystemToken(key, ORGNR_ALTA);
        HttpResponse<String> indikator = dpopRequestWithNonceRetry("POST", "/v1/helseindikator",
                "{\"fnr\":\"05902823095\",\"samtykke\":\"HPMOTTATTSAMTYKKE\"}", token, key, Map.of());
        assertThat(indikator.statusCode()).as(indikator.body()).isEqualTo(200);

        // User tokens come from the EPJ's login; unbound ones are still accepted as Bearer.
        HttpResponse<String> everything = get("/v1/fhir/Patient/$everything", Map.of("X-EPJ-System", EPJ,
                "X-kj-ticket", json(indikator).get("ticket").asText(), "Authorization", "Bearer " + userToken("9100001")));
        assertThat(everything.statusCode()).as(everything.body()).isEqualTo(200);
    }
}
