package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/legemidler}. */
class LegemidlerTest extends SimulatorTestSupport {

    private String userToken;

    @BeforeAll
    void getUserToken() throws Exception {
        userToken = userToken("9100004");
    }

    @Test
    void hidesLockedPrescriptionsUnlessTheCallerAsksForThem() throws Exception {
        String ticket = ticket("11837043303");

        JsonNode hidden = json(legemidler("?ticket=" + ticket + "&utvidet-oppslag=true", userToken));
        assertThat(hidden.get("lasteResepterSkjult").asBoolean()).isTrue();
        assertThat(hidden.get("legemidler").findValuesAsText("navn")).containsExactly("Ramipril");

        JsonNode shown = json(legemidler("?ticket=" + ticket + "&samtykke-laste-resepter=true", userToken));
        assertThat(shown.get("lasteResepterSkjult").asBoolean()).isFalse();
        assertThat(shown.get("legemidler").findValuesAsText("navn")).containsExactlyInAnyOrder("Ramipril", "Sertralin", "Vival");
    }

    @Test
    void listsMedicinesNutritionAndConsumablesWithMultidoseAndWithdrawn() throws Exception {
        HttpResponse<String> response = legemidler("?ticket=" + ticket("05902823095"), userToken);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode list = json(response).get("legemidler");
        assertThat(list.findValuesAsText("kategori")).contains("LEGEMIDDEL", "NAERINGSMIDDEL", "FORBRUKSMATERIELL");
        assertThat(list.findValuesAsText("status")).contains("UTLEVERT", "SEPONERT");
        assertThat(list.findValues("multidose")).anySatisfy(m -> assertThat(m.asBoolean()).isTrue());
        JsonNode marevan = first(list, "Marevan");
        assertThat(marevan.get("atc").asText()).isEqualTo("B01AA03");
        assertThat(marevan.get("rekvirent").asText()).isEqualTo("Lise Testlege");
        assertThat(list.size()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void fraLimitsTheHistory() throws Exception {
        String ticket = ticket("05902823095");

        JsonNode recent = json(legemidler("?ticket=" + ticket + "&fra=2026-09-01T00:00:00%2B02:00", userToken)).get("legemidler");

        assertThat(recent.findValuesAsText("navn")).contains("Marevan").doesNotContain("Ibux");
    }

    @Test
    void refusesBlockedPatientsMissingTicketsAndMissingTokens() throws Exception {
        assertThat(legemidler("?ticket=" + ticket("20817723609"), userToken).statusCode()).isEqualTo(403);
        assertThat(legemidler("?ticket=ukjent", userToken).statusCode()).isEqualTo(404);
        assertThat(legemidler("", userToken).statusCode()).isEqualTo(400);
        assertThat(legemidler("?ticket=" + ticket("05902823095"), null).statusCode()).isEqualTo(401);
        assertThat(legemidler("?ticket=" + ticket("05902823095") + "&fra=igår", userToken).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> legemidler(String query, String token) throws Exception {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-EPJ-System", EPJ);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return get("/v1/legemidler" + query, headers);
    }

    private static JsonNode first(JsonNode list, String navn) {
        for (JsonNode each : list) {
            if (navn.equals(each.get("navn").asText())) {
                return each;
            }
        }
        throw new AssertionError(navn + " not in " + list);
    }
}
