package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/legemiddelvarsling} over HTTP, with the demo dataset and synthetic numbers outside it. */
class LegemiddelvarslingTest extends SimulatorTestSupport {

    private static final String PATH = "/v1/legemiddelvarsling";

    private String systemToken;

    @BeforeAll
    void getSystemToken() throws Exception {
        systemToken = systemToken(ORGNR_ALTA);
    }

    @AfterEach
    void clearFaults() throws Exception {
        postJson("/sim/faults", "{}", null);
    }

    @Test
    void answersEachPatientInTheOrderAsked() throws Exception {
        String synthetic = SyntheticNumbers.notInDataset(1).get(0);
        ObjectNode request = batch(
                patient("05902823095", null),                         // medication, first check
                patient("04887734157", null),                         // reserved: no kjernejournal
                patient("05902823096", null),                         // check digit wrong
                patient("21874614847", "2026-06-12T12:00:00+02:00"),   // dispensed 2026-06-13
                patient("21874614847", "2026-06-14T08:00:00+02:00"),   // nothing since
                patient(synthetic, null));                            // not in the dataset, valid

        HttpResponse<String> response = postJson(PATH, request.toString(), systemToken);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode svar = json(response).get("pasienter");
        assertThat(svar).hasSize(6);
        assertThat(svar.findValuesAsText("fnr")).containsExactly("05902823095", "04887734157", "05902823096",
                "21874614847", "21874614847", synthetic);
        assertThat(flags(svar, "harKjernejournal")).containsExactly(true, false, false, true, true, true);
        assertThat(flags(svar, "nyLegemiddelinformasjon")).containsExactly(true, false, false, true, false, true);
        OffsetDateTime neste = OffsetDateTime.parse(svar.get(0).get("nesteSjekk").asText());
        assertThat(Duration.between(neste, OffsetDateTime.now()).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(svar.findValuesAsText("nesteSjekk")).containsOnly(svar.get(0).get("nesteSjekk").asText());
    }

    @Test
    void syntheticPatientsHaveAKjernejournalAndNewsInAboutTheConfiguredShare() throws Exception {
        List<String> numbers = SyntheticNumbers.notInDataset(2000);
        String yesterday = OffsetDateTime.now().minusDays(1).toString();
        int withNews = 0;
        for (int from = 0; from < numbers.size(); from += 100) {
            List<ObjectNode> patients = new ArrayList<>();
            numbers.subList(from, from + 100).forEach(n -> patients.add(patient(n, yesterday)));
            String body = batch(patients.toArray(ObjectNode[]::new)).toString();
            JsonNode svar = json(postJson(PATH, body, systemToken)).get("pasienter");

            assertThat(flags(svar, "harKjernejournal")).containsOnly(true);
            withNews += (int) flags(svar, "nyLegemiddelinformasjon").stream().filter(b -> b).count();
        }
        // 5 % of 2000 is 100; the bounds are more than five standard deviations away (repeatability and
        // reporting a change only once are checked with fixed instants in LegemiddelendringerTest)
        assertThat(withNews).isBetween(50, 160);
    }

    @Test
    void theMaximumBatchSizeIsEnforced() throws Exception {
        List<ObjectNode> patients = new ArrayList<>();
        SyntheticNumbers.notInDataset(101).forEach(n -> patients.add(patient(n, null)));

        HttpResponse<String> tooMany = postJson(PATH, batch(patients.toArray(ObjectNode[]::new)).toString(), systemToken);
        HttpResponse<String> justEnough = postJson(PATH,
                batch(patients.subList(0, 100).toArray(ObjectNode[]::new)).toString(), systemToken);

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get("error").asText()).isEqualTo("invalid_request");
        assertThat(json(tooMany).get("error_description").asText()).contains("at most 100");
        assertThat(justEnough.statusCode()).isEqualTo(200);
        assertThat(json(justEnough).get("pasienter")).hasSize(100);
    }

    @Test
    void malformedBatchesAreRefusedWithJsonErrors() throws Exception {
        assertThat(postJson(PATH, "{}", systemToken).statusCode()).isEqualTo(400);
        assertThat(postJson(PATH, "{\"pasienter\":[]}", systemToken).statusCode()).isEqualTo(400);
        assertThat(postJson(PATH, "{\"pasienter\":{\"fnr\":\"05902823095\"}}", systemToken).statusCode()).isEqualTo(400);
        assertThat(postJson(PATH, "{\"pasienter\":[{\"sistSjekket\":null}]}", systemToken).statusCode()).isEqualTo(400);
        assertThat(postJson(PATH, "{\"pasienter\":[\"05902823095\"]}", systemToken).statusCode()).isEqualTo(400);
        HttpResponse<String> badTime = postJson(PATH,
                "{\"pasienter\":[{\"fnr\":\"05902823095\",\"sistSjekket\":\"i går\"}]}", systemToken);
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(json(badTime).get("error_description").asText()).contains("pasienter[0].sistSjekket");
        assertThat(badTime.body()).doesNotContain("Exception").doesNotContain("05902823095");
    }

    @Test
    void requiresASystemTokenAndTheEpjSystemHeader() throws Exception {
        String body = batch(patient("05902823095", null)).toString();

        assertThat(postJson(PATH, body, null).statusCode()).isEqualTo(401);
        assertThat(postJson(PATH, body, userToken("9100002")).statusCode()).isEqualTo(403);
        HttpResponse<String> noEpj = send(HttpRequest.newBuilder(URI.create(baseUrl + PATH))
                .header("Authorization", "Bearer " + systemToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(noEpj.statusCode()).isEqualTo(400);
    }

    @Test
    void theUnavailableFaultApplies() throws Exception {
        postJson("/sim/faults", "{\"unavailable\":true}", null);

        HttpResponse<String> response = postJson(PATH, batch(patient("05902823095", null)).toString(), systemToken);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("error").asText()).isEqualTo("temporarily_unavailable");
    }

    private static ObjectNode batch(ObjectNode... patients) {
        ObjectNode request = MAPPER.createObjectNode();
        ArrayNode list = request.putArray("pasienter");
        for (ObjectNode p : patients) {
            list.add(p);
        }
        return request;
    }

    private static ObjectNode patient(String fnr, String sistSjekket) {
        ObjectNode p = MAPPER.createObjectNode().put("fnr", fnr);
        if (sistSjekket != null) {
            p.put("sistSjekket", sistSjekket);
        }
        return p;
    }

    private static List<Boolean> flags(JsonNode answers, String field) {
        List<Boolean> values = new ArrayList<>();
        answers.forEach(a -> values.add(a.get(field).asBoolean()));
        return values;
    }
}
