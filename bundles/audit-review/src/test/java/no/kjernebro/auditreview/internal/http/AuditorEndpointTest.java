package no.kjernebro.auditreview.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.auditreview.internal.access.AuditorAccess;
import no.kjernebro.auditreview.internal.access.LoginThrottle;
import no.kjernebro.auditreview.internal.http.fakes.Entries;
import no.kjernebro.auditreview.internal.http.fakes.FakeAuditEventFormat;
import no.kjernebro.auditreview.internal.http.fakes.FakeAuditLog;
import no.kjernebro.auditreview.internal.http.fakes.FakeAuditTrail;
import no.kjernebro.auditreview.internal.http.fakes.FakeFindings;
import no.kjernebro.auditreview.internal.report.PatientAccessReports;
import no.kjernebro.auditreview.internal.rules.Findings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The API's behaviour without the transport: authentication, dispatch, bad input, own-access records. */
class AuditorEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDITOR = BasicAuthenticationTest.basic("auditor:auditor");

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private final FakeAuditTrail trail = new FakeAuditTrail();
    private final FakeAuditLog log = new FakeAuditLog();
    private final FakeFindings findings = new FakeFindings();
    private Findings findingsService = findings;
    private AuditorEndpoint endpoint;

    @BeforeEach
    void setUp() {
        trail.add(Entries.lookup("2026-03-02T13:05:00Z", Entries.PATIENT));
        trail.add(Entries.lookup("2026-03-03T13:05:00Z", "5601", Entries.OTHER_PATIENT, "9100001", "=cmd|' /C calc'!A0",
                "HPAKUTT", Outcome.ALLOWED));
        trail.add(Entries.lookup("2026-03-04T13:05:00Z", "5503", Entries.PATIENT, "9100006", "Per Blokkert",
                "HPMOTTATTSAMTYKKE", Outcome.REFUSED));
        findings.add("5601", "HPAKUTT", Entries.OTHER_PATIENT);
        ApiContext ctx = new ApiContext(trail, new FakeAuditEventFormat(), new AuditorAccess(log, clock),
                new PatientAccessReports(trail, clock, 5000, 3700), () -> findingsService,
                new RecordSearch.PageSizes(100, 1000), ApiSettings.BASE_PATH);
        endpoint = new AuditorEndpoint(ctx, new BasicAuthentication(new BasicAuthenticationTest.TwoUsers(),
                new LoginThrottle(Duration.ofSeconds(1), Duration.ofSeconds(30), clock), "auditor"));
    }

    private ApiResponse call(String method, String path, Map<String, String> query, String body, String contentType,
                             String authorization, String accept) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Content-Type", contentType);
        headers.put("Accept", accept);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return endpoint.handle(new ApiRequest(method, ApiRequest.segments(ApiSettings.BASE_PATH + path,
                ApiSettings.BASE_PATH), query, headers, () -> bytes));
    }

    private ApiResponse get(String path, Map<String, String> query) {
        return call("GET", path, query, null, null, AUDITOR, null);
    }

    private ApiResponse post(String path, String body) {
        return call("POST", path, Map.of(), body, "application/json", AUDITOR, null);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static JsonNode json(ApiResponse response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String text(ApiResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void withoutCredentialsNothingIsShownAndNothingSearched() throws Exception {
        ApiResponse response = call("GET", "/records", Map.of(), null, null, null, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers()).containsEntry("WWW-Authenticate", "Basic realm=\"kjernebro-audit\"");
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(401);
        assertThat(trail.queries).isEmpty();
    }

    @Test
    void aUserWithoutTheRoleIs403EvenForUnknownPaths() {
        assertThat(call("GET", "/records", Map.of(), null, null, BasicAuthenticationTest.basic("admin:admin"), null)
                .status()).isEqualTo(403);
        assertThat(call("GET", "/nothing", Map.of(), null, null, null, null).status()).isEqualTo(401);
    }

    @Test
    void aSearchIsRecordedBeforeItIsShown() throws Exception {
        ApiResponse response = get("/records", ordered("kommune", "5601", "antall", "1"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("count").asInt()).isEqualTo(1);
        assertThat(body.get("records").get(0).get("reference").asText()).isEqualTo("KJB-000000000001");
        assertThat(body.get("records").get(0).get("patientId").asText()).isEqualTo(Entries.PATIENT);
        assertThat(body.get("nextCursor").asLong()).isEqualTo(1);
        assertThat(body.get("next").asText()).isEqualTo("/kjernebro/audit/v1/records?kommune=5601&antall=1&etter=1");
        assertThat(response.headers()).containsEntry("Cache-Control", "no-store");

        AuditEntry own = log.last();
        assertThat(own.type()).isEqualTo(AuditEntry.EventType.AUDIT_ACCESS);
        assertThat(own.actorId()).isEqualTo("auditor");
        assertThat(own.actorType()).isEqualTo(AuditorAccess.AUDITOR);
        assertThat(own.kommunenummer()).isEqualTo("5601");
        assertThat(own.reasonCode()).isEqualTo("search");
        assertThat(own.reason()).contains("kommune=5601", "antall=1", "1 treff");
        assertThat(own.sourceSystem()).isEqualTo("Kjernebro/rest");
    }

    @Test
    void whenTheAuditorsAccessCannotBeRecordedNothingIsShown() throws Exception {
        log.unavailable = true;

        ApiResponse response = get("/records", Map.of());

        assertThat(response.status()).isEqualTo(503);
        assertThat(text(response)).doesNotContain("KJB-0000", Entries.PATIENT);
        assertThat(json(response).get("detail").asText()).contains("audit log is unavailable");
    }

    @Test
    void aStoreThatIsDownIs503() {
        trail.unavailable = true;

        assertThat(get("/records", Map.of()).status()).isEqualTo(503);
        assertThat(log.entries).isEmpty();
    }

    @Test
    void aPatientSearchGoesInTheBodyAndTheRecordCarriesThePatient() throws Exception {
        ApiResponse response = post("/records/search", "{\"pasient\":\"05902823095\",\"utfall\":\"REFUSED\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).get("records")).hasSize(1);
        assertThat(json(response).get("records").get(0).get("actorName").asText()).isEqualTo("Per Blokkert");
        assertThat(json(response).has("next")).isFalse();
        AuditEntry own = log.last();
        assertThat(own.patientId()).isEqualTo(Entries.PATIENT);
        assertThat(own.reason()).contains("pasient=*********95").doesNotContain(Entries.PATIENT);
        assertThat(own.kommunenummer()).isNull();
    }

    @Test
    void csvExportIsFormulaSafeAndRecordedAsAnExport() {
        ApiResponse response = call("GET", "/records", Map.of(), null, null, AUDITOR, "text/csv");

        assertThat(response.contentType()).startsWith("text/csv; charset=utf-8");
        String csv = text(response);
        assertThat(csv).startsWith("reference,seq,chain,chainSeq,type,time,");
        assertThat(csv).contains(",'=cmd|' /C calc'!A0,").doesNotContain(",=cmd");
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(log.last().reasonCode()).isEqualTo("export-csv");
    }

    @Test
    void fhirExportGoesThroughTheFormatService() {
        ApiResponse response = get("/records", ordered("format", "fhir", "antall", "2"));

        assertThat(response.contentType()).isEqualTo("application/fhir+json");
        assertThat(text(response)).contains("\"resourceType\":\"Bundle\"", "KJB-000000000002",
                "\"url\":\"/kjernebro/audit/v1/records?format=fhir&antall=2&etter=2\"");
        assertThat(log.last().reasonCode()).isEqualTo("export-fhir");
    }

    @Test
    void oneRecordByReference() throws Exception {
        ApiResponse response = get("/records/KJB-000000000003", Map.of());

        assertThat(json(response).get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(log.last().patientId()).isEqualTo(Entries.PATIENT);
        assertThat(log.last().kommunenummer()).isEqualTo("5503");
        assertThat(get("/records/KJB-000000000099", Map.of()).status()).isEqualTo(404);
        assertThat(get("/records/1;DROP", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void chainsVerifyCheckpointsAndForwarding() throws Exception {
        assertThat(json(get("/chains", Map.of())).get("chains").toString()).isEqualTo("[\"5503\",\"5601\"]");

        JsonNode verified = json(post("/chains/5601/verify", null));
        assertThat(verified.get("intact").asBoolean()).isTrue();
        assertThat(verified.get("recordsChecked").asLong()).isEqualTo(2);
        assertThat(log.last().reasonCode()).isEqualTo("verify");
        assertThat(log.last().kommunenummer()).isEqualTo("5601");

        assertThat(json(get("/chains/5601/checkpoints", Map.of())).get("checkpoints").get(0).get("keyId").asText())
                .isEqualTo("k1");
        assertThat(json(get("/forwarding", Map.of())).get("backlog").asLong()).isEqualTo(3);
        assertThat(post("/chains/9999/verify", null).status()).isEqualTo(404);
        assertThat(post("/chains/x'--/verify", null).status()).isEqualTo(400);
    }

    @Test
    void findingsCanBeListedReadReviewedAndEvaluated() throws Exception {
        JsonNode list = json(get("/findings", Map.of("kommune", "5601", "status", "OPEN")));
        assertThat(list.get("findings").get(0).get("rule").asText()).isEqualTo("HPAKUTT");
        assertThat(log.last().reasonCode()).isEqualTo("findings");

        assertThat(json(get("/findings/1", Map.of())).get("status").asText()).isEqualTo("OPEN");
        assertThat(log.last().patientId()).isEqualTo(Entries.OTHER_PATIENT);

        int before = log.entries.size();
        JsonNode reviewed = json(post("/findings/1/review", "{\"kommentar\":\"Pasienten var innlagt akutt.\"}"));
        assertThat(reviewed.get("status").asText()).isEqualTo("REVIEWED");
        assertThat(reviewed.get("reviewedBy").asText()).isEqualTo("auditor");
        assertThat(findings.reviews).containsExactly("auditor: Pasienten var innlagt akutt.");
        assertThat(log.entries).hasSize(before); // the Findings service commits the AUDIT_REVIEW record itself

        assertThat(post("/findings/1/review", "{\"kommentar\":\"igjen\"}").status()).isEqualTo(409);
        assertThat(post("/findings/2/review", "{\"kommentar\":\"x\"}").status()).isEqualTo(404);
        assertThat(post("/findings/1/review", "{\"kommentar\":\"  \"}").status()).isEqualTo(400);

        JsonNode evaluated = json(post("/findings/evaluate",
                "{\"kommune\":\"5601\",\"fra\":\"2026-03-01\",\"til\":\"2026-03-31\"}"));
        assertThat(evaluated.get("count").asInt()).isEqualTo(1);
        assertThat(log.last().reasonCode()).isEqualTo("findings-evaluate");
    }

    @Test
    void evaluationRequestsTheRulesRefuseAre400() throws Exception {
        ApiResponse tooLong = post("/findings/evaluate", "{\"kommune\":\"5601\",\"fra\":\"2024-01-01\",\"til\":\"2026-01-01\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(json(tooLong).get("detail").asText()).isEqualTo("evaluate at most 366 days at a time");

        ApiResponse missing = post("/findings/evaluate", "{\"kommune\":\"5601\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(json(missing).get("detail").asText()).isEqualTo("kommune, fra and til are all required");
        assertThat(log.entries).isEmpty();
    }

    @Test
    void withoutTheReviewRulesFindingsAre503() {
        findingsService = null;

        assertThat(get("/findings", Map.of()).status()).isEqualTo(503);
    }

    @Test
    void thePatientAccessReportIsRecordedWithThePatient() {
        ApiResponse response = post("/reports/patient-access",
                "{\"fnr\":\"05902823095\",\"fra\":\"2026-01-01\",\"til\":\"2026-11-30\",\"kommune\":\"5601\","
                        + "\"format\":\"pdf\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/pdf");
        assertThat(new String(response.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(response.headers().get("Content-Disposition")).doesNotContain(Entries.PATIENT);
        assertThat(log.last().reasonCode()).isEqualTo("report-pdf");
        assertThat(log.last().patientId()).isEqualTo(Entries.PATIENT);
        assertThat(log.last().reason()).contains("*********95").doesNotContain(Entries.PATIENT);

        ApiResponse html = post("/reports/patient-access",
                "{\"fnr\":\"05902823095\",\"fra\":\"2026-01-01\",\"til\":\"2026-11-30\"}");
        assertThat(html.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(text(html)).contains("Innsyn i logg");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"fnr\":\"05902823096\",\"fra\":\"2026-01-01\",\"til\":\"2026-11-30\"}|fnr is not a valid national identity number",
        "{\"fra\":\"2026-01-01\",\"til\":\"2026-11-30\"}|fnr is required",
        "{\"fnr\":\"05902823095\",\"fra\":\"2026-12-01\",\"til\":\"2026-11-30\"}|fra must be on or before til",
        "{\"fnr\":\"05902823095\",\"fra\":\"1.1.2026\",\"til\":\"2026-11-30\"}|fra must be a date",
        "{\"fnr\":\"05902823095\",\"fra\":\"2026-01-01\",\"til\":\"2026-11-30\",\"format\":\"docx\"}|format must be one of [HTML, PDF]",
        "{\"fnr\":\"05902823095\",\"fra\":\"2026-01-01\",\"til\":\"2026-11-30\",\"kommune\":\"Alta\"}|kommune must be a kommunenummer",
        "{\"fnr\":\"05902823095\",\"fra\":\"2000-01-01\",\"til\":\"2026-11-30\"}|longer than 3700 days",
        "{\"fnr\":\"05902823095\",\"fra\":\"2026-01-01\",\"til\":\"2026-11-30\",\"pasient\":\"x\"}|unknown parameter 'pasient'",
        "{\"fnr\":{\"a\":1}}|fnr must be a string",
        "[1,2]|the body must be a JSON object",
        "{\"fnr\":\"05902823095\",\"fnr\":\"05902823095\"}|Duplicate field 'fnr'",
        "{\"fnr\":|the body is not valid JSON",
    })
    void badReportRequestsAre400WithAPreciseDetail(String body, String detail) throws Exception {
        ApiResponse response = post("/reports/patient-access", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).contains(detail).doesNotContain("05902823096");
        assertThat(log.entries).isEmpty();
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        ApiResponse response = call("POST", "/records/search", Map.of(), "pasient=05902823095",
                "application/x-www-form-urlencoded", AUDITOR, null);

        assertThat(response.status()).isEqualTo(415);
        assertThat(json(response).get("detail").asText()).contains("application/json");
        assertThat(call("POST", "/records/search", Map.of(), "{}", null, AUDITOR, null).status()).isEqualTo(415);
        assertThat(call("POST", "/records/search", Map.of(), "{}", "application/json; charset=iso-8859-1", AUDITOR,
                null).status()).isEqualTo(415);
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() {
        assertThat(get("/nothing", Map.of()).status()).isEqualTo(404);
        assertThat(get("/records/search", Map.of()).status()).isEqualTo(405);
        ApiResponse wrong = call("DELETE", "/records/KJB-000000000001", Map.of(), null, null, AUDITOR, null);
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.headers()).containsEntry("Allow", "GET");
    }

    @Test
    void injectionInAFilterIs400AndNeverAnError() throws Exception {
        ApiResponse response = get("/records", Map.of("helsepersonell", "' OR '1'='1"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(json(response).get("detail").asText()).startsWith("helsepersonell must be");
        assertThat(trail.queries).isEmpty();

        ApiResponse harmless = get("/records", Map.of("helsepersonell", "9100002--"));
        assertThat(harmless.status()).isEqualTo(200);
        assertThat(json(harmless).get("count").asInt()).isZero();
        assertThat(trail.lastQuery().actorId()).isEqualTo("9100002--");
    }

    @Test
    void unexpectedFailuresAre500WithoutDetails() throws Exception {
        findingsService = new FakeFindings() {
            @Override
            public List<no.kjernebro.auditreview.internal.rules.Finding> list(String k,
                    no.kjernebro.auditreview.internal.rules.Finding.Status s, String r, long a, int l) {
                throw new IllegalStateException("secret internals at line 42");
            }
        };

        ApiResponse response = get("/findings", Map.of());

        assertThat(response.status()).isEqualTo(500);
        assertThat(text(response)).doesNotContain("secret", "Exception", "at no.kjernebro");
    }
}
