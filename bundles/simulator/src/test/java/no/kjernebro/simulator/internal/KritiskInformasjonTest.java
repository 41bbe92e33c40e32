package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/fhir/Patient/$everything}. */
class KritiskInformasjonTest extends SimulatorTestSupport {

    private static final String PATH = "/v1/fhir/Patient/$everything";

    private String userToken;

    @BeforeAll
    void getUserToken() throws Exception {
        userToken = userToken("9100002");
    }

    @Test
    void returnsTheCriticalInformationBundleOfTheStatusFourPatient() throws Exception {
        HttpResponse<String> response = everything(userToken, ticket("05902823095"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/fhir+json"));
        JsonNode bundle = json(response);
        assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.get("type").asText()).isEqualTo("searchset");

        JsonNode patient = only(bundle, "Patient");
        assertThat(patient.at("/identifier/0/system").asText()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.1");
        assertThat(patient.at("/identifier/0/value").asText()).isEqualTo("05902823095");
        assertThat(patient.at("/name/0/family").asText()).isEqualTo("Nilsen");
        assertThat(patient.at("/name/0/given/0").asText()).isEqualTo("Ingrid");
        assertThat(patient.get("birthDate").asText()).isEqualTo("1928-10-05");
        assertThat(patient.get("gender").asText()).isEqualTo("female");
        assertThat(patient.at("/address/0/city").asText()).isEqualTo("Alta");

        JsonNode allergy = only(bundle, "AllergyIntolerance");
        assertThat(allergy.at("/meta/profile/0").asText())
                .isEqualTo("http://nhn.no/kj/fhir/StructureDefinition/KjAllergyIntolerance");
        assertThat(allergy.at("/code/text").asText()).containsIgnoringCase("penicillin");
        assertThat(allergy.at("/code/coding/0/code").asText()).isEqualTo("J01C");
        assertThat(allergy.get("criticality").asText()).isEqualTo("high");
        assertThat(allergy.at("/recorder/display").asText()).isNotBlank();
        assertThat(allergy.at("/contained/0/practitioner/identifier/system").asText())
                .isEqualTo("urn:oid:2.16.578.1.12.4.1.4.4");

        List<String> conditionCategories = resources(bundle, "Condition").stream()
                .map(c -> c.at("/category/0/coding/0/code").asText()).toList();
        assertThat(conditionCategories).contains("KOMPLIKASJON_ANESTESI", "BEHANDLING_IMPLANTAT", "EGENREGISTRERT");
        JsonNode hypertermi = resources(bundle, "Condition").stream()
                .filter(c -> c.at("/code/coding/0/code").asText().equals("T88.3")).findFirst().orElseThrow();
        assertThat(hypertermi.at("/meta/profile/0").asText()).isEqualTo("http://nhn.no/kj/fhir/StructureDefinition/KjCondition");
        assertThat(hypertermi.at("/code/text").asText()).containsIgnoringCase("malign hypertermi");

        JsonNode fastlege = only(bundle, "PractitionerRole");
        assertThat(fastlege.at("/code/0/coding/0/code").asText()).isEqualTo("FASTLEGE");
        assertThat(fastlege.at("/practitioner/identifier/value").asText()).isEqualTo("9100001");
        assertThat(fastlege.at("/organization/identifier/system").asText()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.101");

        assertThat(resources(bundle, "RelatedPerson")).extracting(r -> r.at("/relationship/0/coding/0/code").asText())
                .containsExactlyInAnyOrder("N", "C");
        assertThat(resources(bundle, "Flag")).extracting(f -> f.at("/category/0/coding/0/code").asText())
                .containsOnly("EGENREGISTRERT");
        assertThat(resources(bundle, "Immunization")).extracting(i -> i.at("/vaccineCode/coding/0/code").asText())
                .contains("J07BB02", "J07AL02");
        assertThat(resources(bundle, "Encounter")).extracting(e -> e.at("/serviceProvider/display").asText())
                .anySatisfy(s -> assertThat(s).contains("Universitetssykehuset Nord-Norge"))
                .anySatisfy(s -> assertThat(s).contains("Finnmarkssykehuset"));
        assertThat(bundle.get("total").asInt()).isEqualTo(bundle.get("entry").size());
    }

    @Test
    void dNumberPatientIsIdentifiedWithTheDNumberSystem() throws Exception {
        JsonNode patient = only(json(everything(userToken, ticket("55838510069"))), "Patient");

        assertThat(patient.at("/identifier/0/system").asText()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.2");
        assertThat(patient.get("birthDate").asText()).isEqualTo("1985-03-15");
    }

    @Test
    void blockedPatientGives403OperationOutcome() throws Exception {
        HttpResponse<String> response = everything(userToken, ticket("20817723609"));

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode outcome = json(response);
        assertThat(outcome.get("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(outcome.at("/issue/0/code").asText()).isEqualTo("forbidden");
        assertThat(response.body()).doesNotContain("Marit");
    }

    @Test
    void unknownTicketGives404OperationOutcome() throws Exception {
        HttpResponse<String> response = everything(userToken, "finnes-ikke");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("resourceType").asText()).isEqualTo("OperationOutcome");
    }

    @Test
    void ticketOfAnotherOrganisationIsRefused() throws Exception {
        String harstadUser = userTokenFor("{\"hprNumber\":\"9100002\",\"orgnr\":\"" + ORGNR_HARSTAD + "\"}");

        HttpResponse<String> response = everything(harstadUser, ticket("05902823095"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void needsAValidUserToken() throws Exception {
        String ticket = ticket("05902823095");
        assertThat(everything(null, ticket).statusCode()).isEqualTo(401);
        assertThat(json(everything("eyJhbGciOiJub25lIn0.e30.", ticket)).get("error").asText()).isEqualTo("invalid_token");
        assertThat(everything(systemToken(ORGNR_ALTA), ticket).statusCode()).isEqualTo(403);
    }

    @Test
    void unknownSamtykkeCodeIsABadRequest() throws Exception {
        Map<String, String> headers = headers(userToken, ticket("05902823095"));
        headers.put("KJ-SAMTYKKE-BRUK", "TULL");

        assertThat(get(PATH, headers).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> everything(String token, String ticket) throws Exception {
        return get(PATH, headers(token, ticket));
    }

    private static Map<String, String> headers(String token, String ticket) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-EPJ-System", EPJ);
        headers.put("X-kj-ticket", ticket);
        headers.put("KJ-SAMTYKKE-BRUK", "HPAKUTT");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return headers;
    }

    static List<JsonNode> resources(JsonNode bundle, String type) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode entry : bundle.get("entry")) {
            if (type.equals(entry.at("/resource/resourceType").asText())) {
                found.add(entry.get("resource"));
            }
        }
        return found;
    }

    private static JsonNode only(JsonNode bundle, String type) {
        List<JsonNode> found = resources(bundle, type);
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }
}
