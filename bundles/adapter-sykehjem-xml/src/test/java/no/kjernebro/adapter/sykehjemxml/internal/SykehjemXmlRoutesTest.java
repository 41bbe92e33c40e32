package no.kjernebro.adapter.sykehjemxml.internal;

import static no.kjernebro.adapter.sykehjemxml.internal.xml.Fixtures.NURSE_REQUEST;
import static no.kjernebro.adapter.sykehjemxml.internal.xml.Fixtures.PATIENT;
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
import no.kjernebro.adapter.sykehjemxml.internal.xml.Dom;
import no.kjernebro.adapter.sykehjemxml.internal.xml.Xsd;
import no.kjernebro.api.lookup.CallerCredential;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.Samtykker;
import org.apache.camel.CamelContext;
import org.apache.camel.http.common.HttpCommonEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The route in a plain CamelContext (as core's shared one would run it), driven over real HTTP: what is
 * specific to this adapter. The behaviour every adapter shares is in {@link SykehjemXmlConformanceTest}.
 */
class SykehjemXmlRoutesTest {

    private static final int MAX_BYTES = 4096;

    private static final RecordingLookupService CORE = new RecordingLookupService();
    private static CamelContext context;
    private static URI endpoint;
    private static HttpClient client;

    @BeforeAll
    static void startRoute() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        context = new DefaultCamelContext();
        Properties placeholders = new Properties();
        placeholders.setProperty("kjernebro.http.host", "localhost");
        placeholders.setProperty("kjernebro.http.port", Integer.toString(port));
        context.getPropertiesComponent().setInitialProperties(placeholders);
        context.addRoutes(new SykehjemXmlRoutes(CORE, MAX_BYTES));
        context.start();
        endpoint = URI.create("http://localhost:" + port + "/kjernebro/sykehjem-xml/v1/oppslag");
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopRoute() throws Exception {
        context.close();
    }

    @BeforeEach
    void resetCore() {
        CORE.calls.clear();
        CORE.onLookup = new RecordingLookupService().onLookup;
    }

    @Test
    void routeIdIsPrefixedWithTheAdapterId() {
        assertThat(context.getRoutes()).extracting(r -> r.getRouteId()).containsExactly("sykehjem-xml-oppslag");
    }

    @Test
    void endpointNeitherCachesTheBodyNorShowsExceptions() {
        HttpCommonEndpoint http = (HttpCommonEndpoint) context.getRoute("sykehjem-xml-oppslag").getEndpoint();

        assertThat(http.isDisableStreamCache()).isTrue();
        assertThat(http.isMuteException()).isTrue();
        assertThat(http.isMapHttpMessageFormUrlEncodedBody()).isFalse();
        assertThat(http.getHttpMethodRestrict()).isEqualTo("POST");
    }

    @Test
    void lookupIsAnsweredWithKjernejournalSvar() throws Exception {
        HttpResponse<byte[]> response = client.send(post(NURSE_REQUEST, "application/xml")
                .header("X-Api-Key", "demo-alta-5601")
                .header("X-HelseID-Brukertoken", "eyJ.user.token")
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml; charset=UTF-8");
        // request headers must not be echoed into the answer
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Api-Key")
                || h.equalsIgnoreCase("X-HelseID-Brukertoken"));
        Xsd.validate(response.body());
        Dom svar = Dom.of(response.body());
        assertThat(svar.text("//s:Pasient/s:Fodselsnummer")).isEqualTo(PATIENT);
        assertThat(svar.text("//s:Loggreferanse")).isEqualTo("audit-0001");
        assertThat(svar.count("//s:Legemiddelliste/s:Oppforing")).isEqualTo(4);
        RecordingLookupService.Call call = CORE.onlyCall();
        assertThat(call.credential()).isEqualTo(new CallerCredential(CallerCredential.Scheme.API_KEY, "demo-alta-5601"));
        assertThat(call.request().userToken()).isEqualTo("eyJ.user.token");
    }

    @Test
    void bearerTokenIsPassedOnAsTheCallersCredential() throws Exception {
        HttpResponse<byte[]> response = send(post(NURSE_REQUEST, "application/xml; charset=UTF-8")
                .header("Authorization", "Bearer epj-system-token"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CORE.onlyCall().credential())
                .isEqualTo(new CallerCredential(CallerCredential.Scheme.BEARER, "epj-system-token"));
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("Authorization"));
    }

    @Test
    void nonXmlContentTypeIs415() throws Exception {
        HttpResponse<byte[]> response = send(post(NURSE_REQUEST, "application/json").header("X-Api-Key", "k"));

        assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void largeFormPostIs415WithoutAStackTrace() throws Exception {
        HttpResponse<byte[]> response = send(post("a=" + "x".repeat(300_000), "application/x-www-form-urlencoded")
                .header("X-Api-Key", "k"));

        assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void declaredOversizedBodyIs413() throws Exception {
        HttpResponse<byte[]> response = send(post(NURSE_REQUEST + "<!--" + "x".repeat(MAX_BYTES) + "-->",
                "application/xml").header("X-Api-Key", "k"));

        assertError(response, 413, "PAYLOAD_TOO_LARGE");
        assertThat(CORE.onlyCall().rejected().error()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void chunkedOversizedBodyIs413() throws Exception {
        byte[] big = (NURSE_REQUEST + "<!--" + "x".repeat(MAX_BYTES) + "-->").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/xml")
                .header("X-Api-Key", "k")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        assertError(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void malformedXmlIs400() throws Exception {
        HttpResponse<byte[]> response = send(post("<KjernejournalOppslag", "application/xml").header("X-Api-Key", "k"));

        assertError(response, 400, "MALFORMED_MESSAGE");
    }

    @Test
    void doctypeIs400AndNothingIsExpanded() throws Exception {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + NURSE_REQUEST.substring(NURSE_REQUEST.indexOf("<KjernejournalOppslag")).replace("LANGTID", "&x;");
        HttpResponse<byte[]> response = send(post(xml, "application/xml").header("X-Api-Key", "k"));

        assertError(response, 400, "MALFORMED_MESSAGE");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("root:");
    }

    @Test
    void invalidUserTokenIs401WithItsCode() throws Exception {
        CORE.onLookup = (credential, request) -> LookupOutcome.refused(ErrorCode.USER_TOKEN_INVALID,
                "the user token has expired", "audit-9", request.correlationId());

        HttpResponse<byte[]> response = send(post(NURSE_REQUEST, "application/xml").header("X-Api-Key", "k"));

        assertError(response, 401, "USER_TOKEN_INVALID");
        assertThat(Dom.of(response.body()).text("/s:Feilmelding/s:Utfall")).isEqualTo("REFUSED");
    }

    @Test
    void tooManyRequestsIs429WithoutARetryAfterTheAdapterDoesNotHave() throws Exception {
        CORE.onLookup = (credential, request) -> LookupOutcome.failed(ErrorCode.TOO_MANY_REQUESTS,
                ErrorCode.TOO_MANY_REQUESTS.description(), "audit-10", request.correlationId());

        HttpResponse<byte[]> response = send(post(NURSE_REQUEST, "application/xml").header("X-Api-Key", "k"));

        assertError(response, 429, "TOO_MANY_REQUESTS");
        assertThat(Dom.of(response.body()).text("/s:Feilmelding/s:Utfall")).isEqualTo("FAILED");
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void consentsTravelFromTheBodyToCore() throws Exception {
        String xml = NURSE_REQUEST.replace("<OnsketInnhold>", "<Tilleggssamtykke><SperretKritiskInfo>true"
                + "</SperretKritiskInfo><LasteResepter>true</LasteResepter></Tilleggssamtykke><OnsketInnhold>");

        HttpResponse<byte[]> response = send(post(xml, "application/xml").header("X-Api-Key", "k"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CORE.onlyCall().request().samtykker()).isEqualTo(new Samtykker(true, false, true));
    }

    @Test
    void getIs405() throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(endpoint).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(CORE.calls).isEmpty();
    }

    private static HttpRequest.Builder post(String xml, String contentType) {
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertError(HttpResponse<byte[]> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml; charset=UTF-8");
        Xsd.validate(response.body());
        assertThat(Dom.of(response.body()).text("/s:Feilmelding/s:Kode")).isEqualTo(code);
    }
}
