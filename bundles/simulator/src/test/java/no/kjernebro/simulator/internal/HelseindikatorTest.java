package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelseindikatorTest extends SimulatorTestSupport {

    private String systemToken;

    @BeforeAll
    void getSystemToken() throws Exception {
        systemToken = systemToken(ORGNR_ALTA);
    }

    @ParameterizedTest(name = "{0} -> status {1}")
    @CsvSource({
            "05902823095, 4",
            "04887734157, 1",
            "21874614847, 2",
            "16816932169, 3",
            "20817723609, 4",
            "11837043303, 2",
            "55838510069, 2",
            "12861550182, 3"})
    void answersTheDemoStatuses(String fnr, int status) throws Exception {
        HttpResponse<String> response = helseindikator(systemToken, fnr);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("returTekst").asText()).isNotBlank();
        assertThat(body.has("ticket")).isEqualTo(status >= 2);
    }

    @Test
    void invalidIdentityNumberIsStatusZeroWithoutTicket() throws Exception {
        JsonNode body = json(helseindikator(systemToken, "05902823096"));

        assertThat(body.get("status").asInt()).isZero();
        assertThat(body.get("returTekst").asText()).isEqualTo("Ugyldig fødselsnummer");
        assertThat(body.has("ticket")).isFalse();
    }

    @Test
    void criticalInformationPatientHasTicketAndChangeDates() throws Exception {
        JsonNode body = json(helseindikator(systemToken, "05902823095"));

        assertThat(body.get("ticket").asText()).hasSizeGreaterThanOrEqualTo(40).doesNotContain("05902823095");
        assertThat(body.get("eksistererBlokkertHelsepersonell").asBoolean()).isFalse();
        assertThat(body.get("harLegemidler").asBoolean()).isTrue();
        assertThat(body.get("harLasteResepter").asBoolean()).isFalse();
        assertThat(body.get("sistEndretKritiskInfo").findValuesAsText("kategori"))
                .containsExactly("ALLERGI", "BEHANDLING_IMPLANTAT", "KOMPLIKASJON_ANESTESI");
        assertThat(body.get("sistEndretKritiskInfoDato").asText()).isEqualTo("2025-03-02T10:15:00+01:00");
    }

    @Test
    void flagsBlockedHealthPersonnelAndLockedPrescriptions() throws Exception {
        assertThat(json(helseindikator(systemToken, "20817723609")).get("eksistererBlokkertHelsepersonell").asBoolean())
                .isTrue();
        assertThat(json(helseindikator(systemToken, "11837043303")).get("harLasteResepter").asBoolean()).isTrue();
    }

    @Test
    void everyTicketIsNew() throws Exception {
        assertThat(ticket("21874614847")).isNotEqualTo(ticket("21874614847"));
    }

    @Test
    void requiresASystemToken() throws Exception {
        HttpResponse<String> missing = helseindikator(null, "05902823095");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(json(missing).get("error").asText()).isEqualTo("invalid_token");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        String tampered = systemToken.substring(0, systemToken.length() - 4) + "AAAA";
        assertThat(helseindikator(tampered, "05902823095").statusCode()).isEqualTo(401);
        assertThat(helseindikator("not.a.jwt", "05902823095").statusCode()).isEqualTo(401);

        HttpResponse<String> user = helseindikator(userToken("9100001"), "05902823095");
        assertThat(user.statusCode()).isEqualTo(403);
    }

    @Test
    void requiresTheEpjSystemHeader() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/helseindikator"))
                .header("Authorization", "Bearer " + systemToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"fnr\":\"05902823095\"}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error_description").asText()).contains("X-EPJ-System");
    }

    @Test
    void badRequestsGetJsonErrorsNotStackTraces() throws Exception {
        HttpResponse<String> notJson = postJson("/v1/helseindikator", "{fnr:", systemToken);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("error").asText()).isEqualTo("invalid_request");

        HttpResponse<String> badSamtykke = postJson("/v1/helseindikator",
                "{\"fnr\":\"05902823095\",\"samtykke\":\"KANSKJE\"}", systemToken);
        assertThat(badSamtykke.statusCode()).isEqualTo(400);
        assertThat(badSamtykke.body()).doesNotContain("Exception").doesNotContain("at no.kjernebro");
    }

    @Test
    void responseDoesNotEchoRequestHeaders() throws Exception {
        HttpResponse<String> response = helseindikator(systemToken, "21874614847");

        assertThat(response.headers().firstValue("Authorization")).isEmpty();
        assertThat(response.headers().firstValue("X-EPJ-System")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    }
}
