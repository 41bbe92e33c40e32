package no.kjernebro.auditreview.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.auditreview.internal.access.JaasAuthenticator;
import no.kjernebro.auditreview.internal.http.fakes.Entries;
import no.kjernebro.auditreview.internal.http.fakes.FakeAuditEventFormat;
import no.kjernebro.auditreview.internal.http.fakes.FakeAuditLog;
import no.kjernebro.auditreview.internal.http.fakes.FakeAuditTrail;
import no.kjernebro.auditreview.internal.http.fakes.FakeFindings;
import no.kjernebro.auditreview.internal.report.PatientAccessReports;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API over real HTTP: camel-jetty on a free port, JAAS with a test realm, in-memory fakes of the
 * audit services.
 */
class AuditorApiHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeAuditTrail TRAIL = new FakeAuditTrail();
    private static final FakeAuditLog LOG = new FakeAuditLog();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String AUDITOR = BasicAuthenticationTest.basic("auditor:auditor");
    private static final int MAX_BODY = 4096;

    private static AuditorApi api;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        TRAIL.add(Entries.lookup("2026-03-02T13:05:00Z", Entries.PATIENT));
        TRAIL.add(Entries.lookup("2026-03-03T13:05:00Z", "5601", Entries.OTHER_PATIENT, "9100001", "Lise Testlege",
                "HPAKUTT", Outcome.ALLOWED));
        TRAIL.add(Entries.lookup("2026-03-04T13:05:00Z", "5503", Entries.PATIENT, "9100006", "Per Blokkert",
                "HPMOTTATTSAMTYKKE", Outcome.REFUSED));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Configuration realm = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return name.equals("karaf") ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                        "no.kjernebro.auditreview.internal.access.TestLoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of())} : null;
            }
        };
        ApiSettings settings = ApiSettings.of("127.0.0.1", port, 100, 1000, "karaf", "auditor", MAX_BODY, 1000, 30000);
        api = new AuditorApi(settings, new JaasAuthenticator("karaf", realm), TRAIL, new FakeAuditEventFormat(), LOG,
                new PatientAccessReports(TRAIL, Clock.systemUTC(), 5000, 3700), FakeFindings::new,
                Clock.systemUTC());
        api.start();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + "/kjernebro/audit/v1" + pathAndQuery);
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String pathAndQuery, String authorization, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return send(b);
    }

    private static HttpResponse<byte[]> postJson(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", AUDITOR)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void withoutCredentialsTheAnswerIs401WithABasicChallenge() throws Exception {
        HttpResponse<byte[]> response = get("/records", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"kjernebro-audit\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(response).get("title").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void theJaasRealmDecides() throws Exception {
        assertThat(get("/records", BasicAuthenticationTest.basic("mallory:guess"), null).statusCode()).isEqualTo(401);
        assertThat(get("/records", BasicAuthenticationTest.basic("admin:admin"), null).statusCode()).isEqualTo(403);
        assertThat(get("/records", AUDITOR, null).statusCode()).isEqualTo(200);
    }

    @Test
    void searchAnswersJsonAndDoesNotEchoRequestHeaders() throws Exception {
        HttpResponse<byte[]> response = get("/records?kommune=5601&antall=1", AUDITOR, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.get("records").get(0).get("reference").asText()).isEqualTo("KJB-000000000001");
        assertThat(body.get("next").asText()).isEqualTo("/kjernebro/audit/v1/records?kommune=5601&antall=1&etter=1");
        assertThat(response.headers().firstValue("Link"))
                .contains("</kjernebro/audit/v1/records?kommune=5601&antall=1&etter=1>; rel=\"next\"");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("Authorization"));
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("camel"));
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(LOG.last().actorId()).isEqualTo("auditor");
    }

    @Test
    void csvAndFhirByAcceptHeader() throws Exception {
        HttpResponse<byte[]> csv = get("/records", AUDITOR, "text/csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v.toLowerCase()).startsWith("text/csv").contains("utf-8"));
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("reference,seq,chain,")
                .contains("Lise Testlege");

        HttpResponse<byte[]> fhir = get("/records", AUDITOR, "application/fhir+json");
        assertThat(fhir.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/fhir+json"));
        assertThat(json(fhir).get("resourceType").asText()).isEqualTo("Bundle");
    }

    @Test
    void patientSearchByPostBody() throws Exception {
        HttpResponse<byte[]> response = postJson("/records/search", "{\"pasient\":\"05902823095\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("count").asInt()).isEqualTo(2);
        assertThat(TRAIL.lastQuery().patientId()).isEqualTo(Entries.PATIENT);
    }

    @Test
    void badInputOverTheWire() throws Exception {
        HttpResponse<byte[]> unknown = get("/records?bogus=1", AUDITOR, null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("detail").asText()).contains("unknown parameter 'bogus'");

        HttpResponse<byte[]> huge = get("/records?antall=100000", AUDITOR, null);
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(json(huge).get("detail").asText()).contains("antall must be between 1 and 1000");

        HttpResponse<byte[]> sql = get("/records?helsepersonell=%27%20OR%20%271%27%3D%271", AUDITOR, null);
        assertThat(sql.statusCode()).isEqualTo(400);

        HttpResponse<byte[]> patientInUrl = get("/records?pasient=05902823095", AUDITOR, null);
        assertThat(patientInUrl.statusCode()).isEqualTo(400);
        assertThat(new String(patientInUrl.body(), StandardCharsets.UTF_8)).doesNotContain("05902823095");

        HttpResponse<byte[]> form = send(HttpRequest.newBuilder(uri("/records/search")).header("Authorization", AUDITOR)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("pasient=05902823095")));
        assertThat(form.statusCode()).isEqualTo(415);

        assertThat(get("/records/KJB-000000000404", AUDITOR, null).statusCode()).isEqualTo(404);
        assertThat(get("/nowhere", AUDITOR, null).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(uri("/records")).header("Authorization", AUDITOR)
                .DELETE()).statusCode()).isEqualTo(405);
    }

    @Test
    void anOversizeBodyIs413() throws Exception {
        String big = "{\"pasient\":\"05902823095\",\"x\":\"" + "a".repeat(MAX_BODY) + "\"}";

        HttpResponse<byte[]> response = postJson("/records/search", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("detail").asText()).contains("larger than " + MAX_BODY + " bytes");
    }

    @Test
    void anOversizeChunkedBodyIs413Too() throws Exception {
        // No Content-Length, and no end of the body either: the server must answer as soon as it has read
        // past the limit, not wait for the rest. Sending only a little more than the limit keeps the client
        // from writing into a connection the server has already closed (a broken pipe, not an answer).
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String chunk = "a".repeat(MAX_BODY + 1024);
            String request = "POST /kjernebro/audit/v1/records/search HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + AUDITOR + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void thePatientAccessReportComesAsPdf() throws Exception {
        HttpResponse<byte[]> response = postJson("/reports/patient-access",
                "{\"fnr\":\"05902823095\",\"fra\":\"2026-01-01\",\"til\":\"2026-11-30\",\"format\":\"pdf\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"innsyn-i-logg-2026-01-01-2026-11-30.pdf\"");
        try (PDDocument doc = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Innsyn i logg", "Per Blokkert", "Siv Testsykepleier")
                    .doesNotContain("Lise Testlege");
        }
    }
}
