package no.kjernebro.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The auditors' side in the booted distribution: a nurse's lookup is found by the demo auditor over
 * the auditor API (JSON, CSV, FHIR), the chain verifies, the patient access report renders, only the
 * role auditor gets in, and the auditor's own searches are recorded.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuditTrailITest extends KjernebroTestSupport {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    private String reference;

    @Before
    public void aLookupToReview() throws Exception {
        Await.until("simulator answers", () -> Http.get("http://localhost:" + simulatorPort() + "/jwks").statusCode() == 200);
        Await.until("auditor API answers", () -> call("GET", "/chains", null, null, null).statusCode() == 401);
        String token = Demo.userToken(simulatorPort(), Demo.NURSE_HPR);
        Await.until("adapter route answers", () -> Http.get("http://localhost:" + httpPort()
                + "/kjernebro/sykehjem-xml/v1/oppslag").statusCode() == 405);
        HttpResponse<String> r = Demo.send(httpPort(), Demo.ALTA_KEY, token, Demo.oppslag(Demo.ALTA, Demo.ALTA_ORGNR,
                Demo.NURSE_HPR, Demo.NURSE, "SP", Demo.STATUS_4_PATIENT, UUID.randomUUID().toString()));
        assertEquals(r.body(), 200, r.statusCode());
        reference = Http.element(r.body(), "Loggreferanse");
        assertNotNull(reference);
    }

    @Test
    public void onlyTheAuditorRoleGetsIn() throws Exception {
        HttpResponse<String> anonymous = call("GET", "/records?kommune=5601", null, null, null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));

        assertEquals(401, call("GET", "/records?kommune=5601", "no-such-user:wrong", null, null).statusCode());
        HttpResponse<String> admin = call("GET", "/records?kommune=5601", "admin:admin", null, null);
        assertEquals(admin.body(), 403, admin.statusCode());
        assertFalse("no record shown to the operator", admin.body().contains(reference));
    }

    @Test
    public void auditorFindsTheLookupByPatientAndTheSearchIsItselfRecorded() throws Exception {
        HttpResponse<String> r = call("POST", "/records/search", "auditor:auditor", "application/json",
                "{\"pasient\":\"" + Demo.STATUS_4_PATIENT + "\",\"kommune\":\"5601\",\"nyeste-forst\":true}");
        assertEquals(r.body(), 200, r.statusCode());
        assertTrue(r.body(), r.body().contains("\"reference\":\"" + reference + "\""));
        assertTrue(r.body(), r.body().contains("\"actorId\":\"" + Demo.NURSE_HPR + "\""));

        HttpResponse<String> own = call("GET", "/records?kommune=5601&type=AUDIT_ACCESS&helsepersonell=auditor&nyeste-forst=true",
                "auditor:auditor", null, null);
        assertEquals(own.body(), 200, own.statusCode());
        assertTrue("the patient search was recorded: " + own.body(), own.body().contains("\"actorType\":\"AUDITOR\""));
        assertTrue(own.body(), own.body().contains("\"patientId\":\"" + Demo.STATUS_4_PATIENT + "\""));
    }

    @Test
    public void exportsAsCsvAndAsAFhirBundle() throws Exception {
        HttpResponse<String> csv = call("GET", "/records?kommune=5601&format=csv", "auditor:auditor", null, null);
        assertEquals(csv.body(), 200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("reference,"));
        assertTrue(csv.body().contains(reference));

        HttpResponse<String> fhir = call("GET", "/records?kommune=5601&format=fhir", "auditor:auditor", null, null);
        assertEquals(fhir.body(), 200, fhir.statusCode());
        assertTrue(fhir.body(), fhir.body().contains("\"resourceType\":\"Bundle\""));
        assertTrue(fhir.body(), fhir.body().contains("\"resourceType\":\"AuditEvent\""));
    }

    @Test
    public void theChainOfTheMunicipalityVerifies() throws Exception {
        HttpResponse<String> r = call("POST", "/chains/5601/verify", "auditor:auditor", null, null);
        assertEquals(r.body(), 200, r.statusCode());
        assertTrue(r.body(), r.body().contains("\"intact\":true"));
        assertTrue(r.body(), r.body().contains("\"problem\":\"NONE\""));
    }

    @Test
    public void patientAccessReportRendersAsHtmlAndPdf() throws Exception {
        String period = "\"fra\":\"" + LocalDate.now().minusDays(1) + "\",\"til\":\"" + LocalDate.now().plusDays(1) + "\"";
        HttpResponse<String> html = call("POST", "/reports/patient-access", "auditor:auditor", "application/json",
                "{\"fnr\":\"" + Demo.STATUS_4_PATIENT + "\"," + period + ",\"format\":\"html\"}");
        assertEquals(html.body(), 200, html.statusCode());
        assertTrue(html.body(), html.body().contains("Innsyn"));
        assertTrue(html.body(), html.body().contains(Demo.NURSE));
        assertTrue(html.body(), html.body().contains(reference));
        assertFalse("the identity number is masked", html.body().contains(Demo.STATUS_4_PATIENT));

        HttpResponse<byte[]> pdf = CLIENT.send(request("POST", "/reports/patient-access", "auditor:auditor",
                "application/json", "{\"fnr\":\"" + Demo.STATUS_4_PATIENT + "\"," + period + ",\"format\":\"pdf\"}"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    public void badSearchesAreClearErrors() throws Exception {
        HttpResponse<String> huge = call("GET", "/records?antall=100000", "auditor:auditor", null, null);
        assertEquals(huge.body(), 400, huge.statusCode());
        assertTrue(huge.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        HttpResponse<String> injection = call("GET", "/records?kommune=5601%27%20OR%201%3D1--", "auditor:auditor", null, null);
        assertEquals(injection.body(), 400, injection.statusCode());

        HttpResponse<String> patientInUrl = call("GET", "/records?pasient=" + Demo.STATUS_4_PATIENT, "auditor:auditor", null, null);
        assertEquals(patientInUrl.body(), 400, patientInUrl.statusCode());
        assertFalse("the number is not echoed", patientInUrl.body().contains(Demo.STATUS_4_PATIENT));

        HttpResponse<String> unknown = call("GET", "/records/KJB-999999999999", "auditor:auditor", null, null);
        assertEquals(unknown.body(), 404, unknown.statusCode());
    }

    private HttpResponse<String> call(String method, String path, String user, String contentType, String body)
            throws Exception {
        return CLIENT.send(request(method, path, user, contentType, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest request(String method, String path, String user, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + auditPort() + "/kjernebro/audit/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return b.build();
    }
}
