package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The audit receiver and fault injection. */
class AuditAndFaultsTest extends SimulatorTestSupport {

    private static final String AUDIT_EVENT = """
            {"resourceType":"AuditEvent","id":"%s",
             "type":{"system":"http://terminology.hl7.org/CodeSystem/audit-event-type","code":"rest"},
             "action":"R","recorded":"2026-11-25T10:00:00+01:00","outcome":"0",
             "agent":[{"who":{"display":"Siv Testsykepleier"},"requestor":true}],
             "source":{"observer":{"display":"kjernebro"}},
             "entity":[{"what":{"identifier":{"system":"urn:oid:2.16.578.1.12.4.1.4.1","value":"05902823095"}},
                        "role":{"code":"1"}}]}""";

    @AfterEach
    void clearFaults() throws Exception {
        postJson("/sim/faults", "{\"latencyMs\":0,\"unavailable\":false}", null);
    }

    @Test
    void receivedAuditEventsCanBeReadBackAndAreStoredOnce() throws Exception {
        HttpResponse<String> created = postAuditEvent(AUDIT_EVENT.formatted("kb-audit-1"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("id").asText()).isEqualTo("kb-audit-1");
        assertThat(json(created).get("resourceType").asText()).isEqualTo("AuditEvent");

        HttpResponse<String> again = postAuditEvent(AUDIT_EVENT.formatted("kb-audit-1"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("id").asText()).isEqualTo("kb-audit-1");

        JsonNode received = json(get("/sim/audit-events", Map.of()));
        assertThat(received.get("count").asInt()).isEqualTo(1);
        assertThat(received.at("/events/0/id").asText()).isEqualTo("kb-audit-1");
        assertThat(received.at("/events/0/entity/0/role/code").asText()).isEqualTo("1");
    }

    @Test
    void somethingElseThanAnAuditEventIsRefusedWithAnOperationOutcome() throws Exception {
        HttpResponse<String> response = postAuditEvent("{\"resourceType\":\"Patient\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("resourceType").asText()).isEqualTo("OperationOutcome");
    }

    @Test
    void anInvalidTokenOnAnAuditEventIsRefused() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/fhir/AuditEvent"))
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", "Bearer nope")
                .POST(HttpRequest.BodyPublishers.ofString(AUDIT_EVENT.formatted("kb-audit-2"))));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void unavailableFaultAnswers503OnKjernejournalPathsOnly() throws Exception {
        String token = systemToken(ORGNR_ALTA);
        HttpResponse<String> set = postJson("/sim/faults", "{\"unavailable\":true}", null);
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(json(set).get("unavailable").asBoolean()).isTrue();

        HttpResponse<String> refused = helseindikator(token, "05902823095");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(json(refused).get("error").asText()).isEqualTo("temporarily_unavailable");
        assertThat(requestToken(validAssertion(), ORGNR_ALTA).statusCode()).isEqualTo(200);

        postJson("/sim/faults", "{\"unavailable\":false}", null);
        assertThat(helseindikator(token, "05902823095").statusCode()).isEqualTo(200);
    }

    @Test
    void latencyFaultIsAcceptedAndOutOfRangeLatencyRefused() throws Exception {
        HttpResponse<String> set = postJson("/sim/faults", "{\"latencyMs\":50}", null);
        assertThat(json(set).get("latencyMs").asLong()).isEqualTo(50);
        assertThat(helseindikator(systemToken(ORGNR_ALTA), "21874614847").statusCode()).isEqualTo(200);

        assertThat(postJson("/sim/faults", "{\"latencyMs\":-1}", null).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> postAuditEvent(String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/fhir/AuditEvent"))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
