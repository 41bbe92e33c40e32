package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Modules the patient restricted, blocked health personnel, locked prescriptions and consents. */
class RestrictedModulesTest extends SimulatorTestSupport {

    private static final String SPERRET_KRITISK = "14826142015";
    private static final String SPERRET_LEGEMIDLER = "03887033136";

    private String userToken;

    @BeforeAll
    void getUserToken() throws Exception {
        userToken = userToken("9100001");
    }

    @Test
    void restrictedCriticalInformationIsLeftOutAndTheBundleSaysSo() throws Exception {
        JsonNode bundle = json(everything(ticket(SPERRET_KRITISK), Map.of()));

        assertThat(KritiskInformasjonTest.resources(bundle, "AllergyIntolerance")).isEmpty();
        assertThat(KritiskInformasjonTest.resources(bundle, "Condition")).isEmpty();
        assertThat(KritiskInformasjonTest.resources(bundle, "Patient")).hasSize(1);
        assertThat(KritiskInformasjonTest.resources(bundle, "Immunization")).hasSize(1);
        JsonNode outcomeEntry = entryOf(bundle, "OperationOutcome");
        assertThat(outcomeEntry.at("/search/mode").asText()).isEqualTo("outcome");
        assertThat(outcomeEntry.at("/resource/issue/0/details/coding/0/code").asText()).isEqualTo("MODUL_SPERRET");
        assertThat(outcomeEntry.at("/resource/issue/0/details/coding/1/code").asText()).isEqualTo("KRITISK_INFO");
        assertThat(bundle.get("total").asInt()).isEqualTo(bundle.get("entry").size() - 1);
    }

    @Test
    void theConsentHeaderOpensRestrictedCriticalInformation() throws Exception {
        JsonNode bundle = json(everything(ticket(SPERRET_KRITISK), Map.of("KJ-SAMTYKKE-SPERRET-KRITISKINFO", "true")));

        assertThat(KritiskInformasjonTest.resources(bundle, "AllergyIntolerance")).hasSize(1);
        assertThat(KritiskInformasjonTest.resources(bundle, "Condition")).extracting(c -> c.at("/category/0/coding/0/code").asText())
                .containsExactly("ENDRET_BEHANDLINGSRUTINE");
        assertThat(KritiskInformasjonTest.resources(bundle, "OperationOutcome")).isEmpty();
        assertThat(everything(ticket(SPERRET_KRITISK), Map.of("KJ-SAMTYKKE-SPERRET-KRITISKINFO", "ja")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void restrictedMedicationIsHiddenUnlessTheConsentParameterIsSent() throws Exception {
        String ticket = ticket(SPERRET_LEGEMIDLER);
        JsonNode hidden = json(legemidler("?ticket=" + ticket));
        assertThat(hidden.get("legemidler").size()).isZero();
        assertThat(hidden.get("legemidlerSperret").asBoolean()).isTrue();

        JsonNode shown = json(legemidler("?ticket=" + ticket + "&samtykke-sperret-legemidler=true"));
        assertThat(shown.get("legemidler").findValuesAsText("navn")).containsExactlyInAnyOrder("Escitalopram", "Zopiklon");
        assertThat(shown.get("legemidlerSperret").asBoolean()).isFalse();
    }

    @Test
    void blockedHealthPersonnelAreFlaggedAndGetNoClinicalData() throws Exception {
        JsonNode indikator = json(helseindikator(systemToken(ORGNR_ALTA), "20817723609"));
        assertThat(indikator.get("eksistererBlokkertHelsepersonell").asBoolean()).isTrue();
        String ticket = indikator.get("ticket").asText();

        HttpResponse<String> everything = everything(ticket, Map.of());
        assertThat(everything.statusCode()).isEqualTo(403);
        assertThat(json(everything).get("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(legemidler("?ticket=" + ticket).statusCode()).isEqualTo(403);
    }

    @Test
    void theConsentInForceIsTheHeaderOrElseTheTicketsAndIsRecorded() throws Exception {
        assertThat(postJson("/sim/stats", "", null).statusCode()).isEqualTo(405);
        send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/sim/stats")).DELETE());
        String ticket = ticket("05902823095"); // issued with HPMOTTATTSAMTYKKE
        everything(ticket, Map.of());
        everything(ticket, Map.of("KJ-SAMTYKKE-BRUK", "HPAKUTT"));

        JsonNode accesses = json(get("/sim/accesses", Map.of())).get("accesses");
        assertThat(accesses).hasSize(2);
        assertThat(accesses.get(0).get("samtykke").asText()).isEqualTo("HPMOTTATTSAMTYKKE");
        assertThat(accesses.get(0).get("samtykkeFra").asText()).isEqualTo("ticket");
        assertThat(accesses.get(1).get("samtykke").asText()).isEqualTo("HPAKUTT");
        assertThat(accesses.get(1).get("samtykkeFra").asText()).isEqualTo("header");
        assertThat(accesses.get(1).get("pasient").asText()).isEqualTo("*********95");
        assertThat(accesses.get(1).get("orgnr").asText()).isEqualTo(ORGNR_ALTA);
    }

    private HttpResponse<String> everything(String ticket, Map<String, String> extra) throws Exception {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("X-EPJ-System", EPJ);
        headers.put("X-kj-ticket", ticket);
        headers.put("Authorization", "Bearer " + userToken);
        return get("/v1/fhir/Patient/$everything", headers);
    }

    private HttpResponse<String> legemidler(String query) throws Exception {
        return get("/v1/legemidler" + query, Map.of("X-EPJ-System", EPJ, "Authorization", "Bearer " + userToken));
    }

    private static JsonNode entryOf(JsonNode bundle, String type) {
        for (JsonNode entry : bundle.get("entry")) {
            if (type.equals(entry.at("/resource/resourceType").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " entry");
    }
}
