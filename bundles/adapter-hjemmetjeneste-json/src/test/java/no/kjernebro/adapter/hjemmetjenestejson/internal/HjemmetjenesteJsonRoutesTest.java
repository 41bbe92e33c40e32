package no.kjernebro.adapter.hjemmetjenestejson.internal;

import static no.kjernebro.adapter.hjemmetjenestejson.internal.json.Fixtures.NURSE_REQUEST;
import static no.kjernebro.adapter.hjemmetjenestejson.internal.json.Fixtures.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.Fixtures;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.ServiceContext;
import org.apache.camel.CamelContext;
import org.apache.camel.http.common.HttpCommonEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both routes in a plain CamelContext (as core's shared one runs them), driven over real HTTP. */
class HjemmetjenesteJsonRoutesTest {

    private static final int MAX_LOOKUP = 4096;
    private static final long MAX_LIST = 12L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RecordingLookupService CORE = new RecordingLookupService();
    private static final FakeSweeps SWEEPS = new FakeSweeps();
    private static HjemmetjenesteJsonRoutes routes;
    private static CamelContext context;
    private static String base;
    private static HttpClient client;

    @BeforeAll
    static void startRoutes() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        context = new DefaultCamelContext();
        Properties placeholders = new Properties();
        placeholders.setProperty("kjernebro.http.host", "localhost");
        placeholders.setProperty("kjernebro.http.port", Integer.toString(port));
        context.getPropertiesComponent().setInitialProperties(placeholders);
        routes = new HjemmetjenesteJsonRoutes(CORE, SWEEPS, MAX_LOOKUP, MAX_LIST);
        context.addRoutes(routes);
        context.start();
        base = "http://localhost:" + port + "/kjernebro/hjemmetjeneste-json/v1";
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopRoutes() throws Exception {
        context.close();
    }

    @BeforeEach
    void reset() {
        CORE.calls.clear();
        CORE.onLookup = RecordingLookupService::demo;
        SWEEPS.callers.clear();
        SWEEPS.firstPatients.clear();
        SWEEPS.callbackUrls.clear();
    }

    @Test
    void routeIdsArePrefixedAndEndpointsNeitherCacheNorShowExceptions() {
        assertThat(context.getRoutes()).extracting(r -> r.getRouteId())
                .containsExactlyInAnyOrder("hjemmetjeneste-json-oppslag", "hjemmetjeneste-json-kommuner");
        for (String id : new String[] {"hjemmetjeneste-json-oppslag", "hjemmetjeneste-json-kommuner"}) {
            HttpCommonEndpoint http = (HttpCommonEndpoint) context.getRoute(id).getEndpoint();
            assertThat(http.isDisableStreamCache()).isTrue();
            assertThat(http.isMuteException()).isTrue();
            assertThat(http.isMapHttpMessageFormUrlEncodedBody()).isFalse();
        }
    }

    // ---- single lookup

    @Test
    void lookupIsAnsweredInTheVendorsJson() throws Exception {
        HttpResponse<byte[]> response = send(post("/oppslag", NURSE_REQUEST, "application/json")
                .header("X-Api-Key", "demo-alta-5601").header("X-User-Access-Token", "eyJ.user.token"));

        assertThat(response.statusCode()).isEqualTo(200);
        // Jetty writes its own spelling of the JSON type: application/json;charset=utf-8
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualToIgnoringCase("application/json;charset=utf-8");
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Api-Key")
                || h.equalsIgnoreCase("X-User-Access-Token"));
        JsonNode svar = JSON.readTree(response.body());
        assertThat(svar.path("patient").path("personnummer").asText()).isEqualTo(PATIENT);
        assertThat(svar.path("auditRef").asText()).isEqualTo("audit-0001");
        assertThat(svar.path("included")).extracting(JsonNode::asText).containsExactly("medisiner", "kritiskInfo");
        RecordingLookupService.Call call = CORE.onlyCall();
        assertThat(call.credential()).isEqualTo(new CallerCredential(CallerCredential.Scheme.API_KEY, "demo-alta-5601"));
        assertThat(call.request().serviceContext()).isEqualTo(ServiceContext.HJEMMETJENESTE);
        assertThat(call.request().userToken()).isEqualTo("eyJ.user.token");
    }

    @Test
    void bearerTokenIsTheCallersCredential() throws Exception {
        HttpResponse<byte[]> response = send(post("/oppslag", NURSE_REQUEST, "application/json; charset=utf-8")
                .header("Authorization", "Bearer epj-token"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CORE.onlyCall().credential()).isEqualTo(new CallerCredential(CallerCredential.Scheme.BEARER, "epj-token"));
    }

    @Test
    void coresRefusalIsAProblemWithItsStatus() throws Exception {
        CORE.onLookup = (c, r) -> no.kjernebro.api.lookup.LookupOutcome.refused(ErrorCode.INVALID_PATIENT_ID,
                "the national identity number " + r.patientId() + " is not valid", "audit-0007", r.correlationId());

        HttpResponse<byte[]> response = send(post("/oppslag", NURSE_REQUEST, "application/json").header("X-Api-Key", "k"));

        JsonNode problem = assertProblem(response, 422, "INVALID_PATIENT_ID");
        assertThat(problem.path("auditRef").asText()).isEqualTo("audit-0007");
        assertThat(problem.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(problem.path("requestId").asText()).isEqualTo("hb-20250310-0815-17");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain(PATIENT);
    }

    @Test
    void invalidUserTokenIsA401Problem() throws Exception {
        CORE.onLookup = (c, r) -> LookupOutcome.refused(ErrorCode.USER_TOKEN_INVALID, "the user token has expired",
                "audit-0008", r.correlationId());

        HttpResponse<byte[]> response = send(post("/oppslag", NURSE_REQUEST, "application/json").header("X-Api-Key", "k"));

        JsonNode problem = assertProblem(response, 401, "USER_TOKEN_INVALID");
        assertThat(problem.path("type").asText()).isEqualTo("urn:kjernebro:hjemmetjeneste-json:problem:user-token-invalid");
        assertThat(problem.path("outcome").asText()).isEqualTo("REFUSED");
    }

    @Test
    void tooManyRequestsIsA429ProblemWithoutARetryAfterTheAdapterDoesNotHave() throws Exception {
        CORE.onLookup = (c, r) -> LookupOutcome.failed(ErrorCode.TOO_MANY_REQUESTS,
                ErrorCode.TOO_MANY_REQUESTS.description(), "audit-0009", r.correlationId());

        HttpResponse<byte[]> response = send(post("/oppslag", NURSE_REQUEST, "application/json").header("X-Api-Key", "k"));

        JsonNode problem = assertProblem(response, 429, "TOO_MANY_REQUESTS");
        assertThat(problem.path("type").asText()).isEqualTo("urn:kjernebro:hjemmetjeneste-json:problem:too-many-requests");
        assertThat(problem.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void consentsTravelFromTheBodyToCore() throws Exception {
        String json = NURSE_REQUEST.replace("\"include\"",
                "\"tilleggssamtykke\": { \"sperretLegemidler\": true, \"lasteResepter\": true },\n  \"include\"");

        HttpResponse<byte[]> response = send(post("/oppslag", json, "application/json").header("X-Api-Key", "k"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CORE.onlyCall().request().samtykker()).isEqualTo(new Samtykker(false, true, true));
    }

    @Test
    void aConsentThatIsNotABooleanIsA400ProblemHandedToCore() throws Exception {
        String json = NURSE_REQUEST.replace("\"include\"", "\"tilleggssamtykke\": { \"lasteResepter\": \"ja\" },\n  \"include\"");

        HttpResponse<byte[]> response = send(post("/oppslag", json, "application/json").header("X-Api-Key", "k"));

        JsonNode problem = assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(problem.path("detail").asText()).isEqualTo("tilleggssamtykke.lasteResepter must be true or false");
        assertThat(problem.path("auditRef").asText()).as("named the patient: audited").isEqualTo("audit-rejected-1");
        assertThat(CORE.onlyCall().rejected().patientId()).isEqualTo(PATIENT);
    }

    @Test
    void wrongContentTypeIs415AndStillGoesToCore() throws Exception {
        HttpResponse<byte[]> response = send(post("/oppslag", NURSE_REQUEST, "text/plain").header("X-Api-Key", "k"));

        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(CORE.onlyCall().rejected().error()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void latin1IsNotJson() throws Exception {
        assertProblem(send(post("/oppslag", NURSE_REQUEST, "application/json; charset=ISO-8859-1").header("X-Api-Key", "k")),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void oversizedLookupIs413DeclaredOrChunked() throws Exception {
        String big = NURSE_REQUEST.replace("}\n", ", \"pad\": \"" + "x".repeat(MAX_LOOKUP) + "\"}\n");
        assertProblem(sendOnOwnConnection(post("/oppslag", big, "application/json").header("X-Api-Key", "k")), 413, "PAYLOAD_TOO_LARGE");

        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
        assertProblem(sendOnOwnConnection(HttpRequest.newBuilder(URI.create(base + "/oppslag")).header("Content-Type", "application/json")
                .header("X-Api-Key", "k")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))), 413,
                "PAYLOAD_TOO_LARGE");
    }

    @Test
    void duplicateKeysAndDeepNestingAre400() throws Exception {
        assertProblem(send(post("/oppslag", "{\"a\":1,\"a\":2}", "application/json").header("X-Api-Key", "k")), 400,
                "MALFORMED_MESSAGE");
        assertProblem(send(post("/oppslag", "{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}", "application/json")
                .header("X-Api-Key", "k")), 400, "MALFORMED_MESSAGE");
    }

    @Test
    void missingCredentialIs401() throws Exception {
        assertProblem(send(post("/oppslag", NURSE_REQUEST, "application/json")), 401, "MISSING_CREDENTIAL");
    }

    @Test
    void unexpectedFailureIs500WithoutDetails() throws Exception {
        CORE.onLookup = (c, r) -> {
            throw new IllegalStateException("kaboom " + r.patientId());
        };

        HttpResponse<byte[]> response = send(post("/oppslag", NURSE_REQUEST, "application/json").header("X-Api-Key", "k"));

        assertProblem(response, 500, "INTERNAL_ERROR");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("kaboom").doesNotContain(PATIENT);
    }

    @Test
    void getOnTheLookupIs405() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/oppslag")).GET());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(CORE.calls).isEmpty();
    }

    // ---- sweep

    @Test
    void patientListIsStreamedToTheSweepService() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/kommuner/5601/pasientliste"))
                .header("Content-Type", "application/json").header("X-Api-Key", "demo-alta-5601")
                .header("X-Client-System", "Omsorg Mobil/24.2")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> Fixtures.patientList(350_000))));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode receipt = JSON.readTree(response.body());
        assertThat(receipt.path("patientCount").asLong()).isEqualTo(350_000);
        assertThat(receipt.path("listId").asText()).isEqualTo("pl-0001");
        assertThat(receipt.path("fingerprint").asText()).startsWith("sha256:");
        assertThat(SWEEPS.patientsRead).isEqualTo(350_000);
        assertThat(SWEEPS.callers.get(0).kommunenummer()).isEqualTo("5601");
        assertThat(SWEEPS.callers.get(0).adapterId()).isEqualTo("hjemmetjeneste-json");
        assertThat(SWEEPS.callers.get(0).system()).isEqualTo("Omsorg Mobil/24.2");
    }

    @Test
    void aListOverTheLimitIs413() throws Exception {
        routes.modified(config(MAX_LOOKUP, 1024 * 1024));
        try {
            // about 1.18 MB: over the 1 MiB limit by less than the bounded remainder the adapter drains, so
            // the server reads the whole body and the client never writes into a closed connection
            HttpResponse<byte[]> response = sendOnOwnConnection(HttpRequest.newBuilder(URI.create(base + "/kommuner/5601/pasientliste"))
                    .header("Content-Type", "application/json").header("X-Api-Key", "demo-alta-5601")
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> Fixtures.patientList(38_000))));

            assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
        } finally {
            routes.modified(config(MAX_LOOKUP, MAX_LIST));
        }
    }

    @Test
    void aBrokenListIs400AndWrongCredentialsAre401() throws Exception {
        assertProblem(send(put("/kommuner/5601/pasientliste", "{\"patients\": [\"05902823095\"]}", "demo-alta-5601")),
                400, "INVALID_REQUEST");
        assertProblem(send(put("/kommuner/5601/pasientliste", "{\"patients\": []}", "demo-harstad-5503")), 401,
                "BAD_CREDENTIAL");
        assertProblem(send(HttpRequest.newBuilder(URI.create(base + "/kommuner/5601/pasientliste"))
                .header("Content-Type", "text/csv").header("X-Api-Key", "demo-alta-5601")
                .PUT(HttpRequest.BodyPublishers.ofString("05902823095"))), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void startingASweepIs202WithItsLocation() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/kommuner/5601/legemiddelsjekk"))
                .header("Content-Type", "application/json").header("X-Api-Key", "demo-alta-5601")
                .POST(HttpRequest.BodyPublishers.ofString("{\"callbackUrl\": \"https://epj.example/hooks/kj\"}")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/kjernebro/hjemmetjeneste-json/v1/kommuner/5601/legemiddelsjekk/sw-0001");
        assertThat(SWEEPS.callbackUrls).containsExactly("https://epj.example/hooks/kj");
        JsonNode status = JSON.readTree(response.body());
        assertThat(status.path("sweepId").asText()).isEqualTo("sw-0001");
        assertThat(status.path("progress").path("percent").asInt()).isEqualTo(34);
    }

    @Test
    void startingWithoutABodyNeedsNoCallback() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(base + "/kommuner/5601/legemiddelsjekk"))
                .header("X-Api-Key", "demo-alta-5601").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(SWEEPS.callbackUrls).containsExactly("null");
    }

    @Test
    void anInvalidCallbackIs422() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(URI.create(base + "/kommuner/5601/legemiddelsjekk"))
                .header("Content-Type", "application/json").header("X-Api-Key", "demo-alta-5601")
                .POST(HttpRequest.BodyPublishers.ofString("{\"callbackUrl\": \"ftp://epj.example\"}"))), 422,
                "INVALID_CALLBACK_URL");
    }

    @Test
    void progressShowsCountsAndTheLastError() throws Exception {
        HttpResponse<byte[]> response = send(get("/kommuner/5601/legemiddelsjekk/sw-0001"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode status = JSON.readTree(response.body());
        assertThat(status.path("state").asText()).isEqualTo("RUNNING");
        assertThat(status.path("progress").path("patientsDone").asLong()).isEqualTo(120_000);
        assertThat(status.path("progress").path("patientsTotal").asLong()).isEqualTo(350_000);
        assertThat(status.path("patientsWithChanges").asLong()).isEqualTo(431);
        assertThat(status.path("lastError").path("errorCode").asText()).isEqualTo("KJERNEJOURNAL_UNAVAILABLE");
        assertThat(status.path("links").path("changes").asText()).endsWith("/legemiddelsjekk/sw-0001/endringer");
        assertThat(send(get("/kommuner/5601/legemiddelsjekk/siste")).statusCode()).isEqualTo(200);
        assertProblem(send(get("/kommuner/5601/legemiddelsjekk/sw-9999")), 404, "NOT_FOUND");
    }

    @Test
    void changesArePagedWithAnOpaqueToken() throws Exception {
        JsonNode first = JSON.readTree(send(get("/kommuner/5601/legemiddelsjekk/sw-0001/endringer?pageSize=2")).body());
        String token = first.path("nextPageToken").asText();
        JsonNode second = JSON.readTree(send(get("/kommuner/5601/legemiddelsjekk/sw-0001/endringer?pageSize=2&pageToken="
                + token)).body());

        assertThat(first.path("items")).extracting(i -> i.path("personnummer").asText())
                .containsExactly("05902823095", "21874614847");
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("nextPageToken").isNull()).isTrue();
        assertProblem(send(get("/kommuner/5601/legemiddelsjekk/sw-0001/endringer?pageSize=lots")), 400, "INVALID_PAGE");
    }

    @Test
    void unknownPathsAndWrongMethodsAreProblems() throws Exception {
        assertProblem(send(get("/kommuner/5601/something")), 404, "NOT_FOUND");
        assertProblem(send(get("/kommuner/56/pasientliste")), 404, "NOT_FOUND");
        HttpResponse<byte[]> wrong = send(get("/kommuner/5601/pasientliste"));
        assertProblem(wrong, 405, "METHOD_NOT_ALLOWED");
        assertThat(wrong.headers().firstValue("Allow")).hasValue("PUT");
    }

    @Test
    void withoutTheSweepServiceTheSweepResourcesAre503AndLookupsWork() throws Exception {
        CamelContext other = new DefaultCamelContext();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Properties placeholders = new Properties();
        placeholders.setProperty("kjernebro.http.host", "localhost");
        placeholders.setProperty("kjernebro.http.port", Integer.toString(port));
        other.getPropertiesComponent().setInitialProperties(placeholders);
        other.addRoutes(new HjemmetjenesteJsonRoutes(CORE, null, MAX_LOOKUP, MAX_LIST));
        other.start();
        try {
            String otherBase = "http://localhost:" + port + "/kjernebro/hjemmetjeneste-json/v1";
            assertProblem(send(HttpRequest.newBuilder(URI.create(otherBase + "/kommuner/5601/legemiddelsjekk/siste"))
                    .header("X-Api-Key", "demo-alta-5601").GET()), 503, "SERVICE_UNAVAILABLE");
            assertThat(send(HttpRequest.newBuilder(URI.create(otherBase + "/oppslag")).header("Content-Type", "application/json")
                    .header("X-Api-Key", "k").POST(HttpRequest.BodyPublishers.ofString(NURSE_REQUEST))).statusCode())
                    .isEqualTo(200);
        } finally {
            other.close();
        }
    }

    private static HjemmetjenesteJsonConfig config(int lookup, long list) {
        return new HjemmetjenesteJsonConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return HjemmetjenesteJsonConfig.class;
            }

            @Override
            public int maxLookupBytes() {
                return lookup;
            }

            @Override
            public long maxPatientListBytes() {
                return list;
            }
        };
    }

    private static HttpRequest.Builder post(String path, String json, String contentType) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder put(String path, String json, String apiKey) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-Api-Key", apiKey).PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("X-Api-Key", "demo-alta-5601").GET();
    }

    /**
     * For requests whose body the server refuses unread: Jetty then closes the connection, and a pooled
     * connection would fail the next test's request, so these go on a connection of their own.
     */
    private static HttpResponse<byte[]> sendOnOwnConnection(HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode assertProblem(HttpResponse<byte[]> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json; charset=UTF-8");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("errorCode").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }
}
