package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import no.kjernebro.simulator.internal.dataset.DatasetLoader;
import no.kjernebro.simulator.internal.jwt.Jwt;
import no.kjernebro.simulator.internal.jwt.Pem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs one simulator per test class on a free port, with one registered HelseID client, and
 * offers the HTTP calls the tests make.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SimulatorTestSupport {

    protected static final ObjectMapper MAPPER = new ObjectMapper();
    protected static final String CLIENT_ID = "kjernebro-5601";
    protected static final String ORGNR_ALTA = "990560102";
    protected static final String ORGNR_HARSTAD = "990550301";
    protected static final String EPJ = "Kjernebro-test/0.1";

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    protected KeyPair clientKey;
    protected Path clientsDir;
    protected String baseUrl;
    protected Simulator simulator;

    @BeforeAll
    void startSimulator() throws Exception {
        clientsDir = Files.createTempDirectory("helseid-clients");
        clientKey = rsaKeyPair();
        Files.writeString(clientsDir.resolve(CLIENT_ID + ".pem"), Pem.of(clientKey.getPublic()));
        int port = freePort();
        baseUrl = "http://127.0.0.1:" + port;
        SimulatorSettings settings = new SimulatorSettings("127.0.0.1", port, "", clientsDir,
                "http://localhost:" + port, Duration.ofSeconds(600), varsling());
        simulator = new Simulator(settings, DatasetLoader.loadDefault(), Clock.systemUTC());
        simulator.start();
    }

    /** Legemiddelvarsling settings of the simulator under test; a test class may pick others. */
    protected SimulatorSettings.Varsling varsling() {
        return SimulatorSettings.Varsling.DEFAULTS;
    }

    @AfterAll
    void stopSimulator() throws Exception {
        if (simulator != null) {
            simulator.close();
        }
    }

    protected static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    protected static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    protected String tokenEndpoint() {
        return simulator.settings().tokenEndpoint();
    }

    /** A client assertion as a HelseID client builds it; the parameters let tests break one rule at a time. */
    protected String assertion(KeyPair key, String audience, Instant issuedAt, long lifetimeSeconds, String jti) {
        ObjectNode claims = MAPPER.createObjectNode()
                .put("iss", CLIENT_ID)
                .put("sub", CLIENT_ID)
                .put("aud", audience)
                .put("jti", jti)
                .put("iat", issuedAt.getEpochSecond())
                .put("nbf", issuedAt.getEpochSecond())
                .put("exp", issuedAt.getEpochSecond() + lifetimeSeconds);
        return Jwt.sign(claims, key.getPrivate(), null);
    }

    protected String validAssertion() {
        return assertion(clientKey, tokenEndpoint(), Instant.now(), 60, UUID.randomUUID().toString());
    }

    protected HttpResponse<String> requestToken(String assertion, String orgnr) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", CLIENT_ID);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion);
        form.put("scope", "nhn:kjernejournal/api");
        if (orgnr != null) {
            form.put("authorization_details", "[{\"type\":\"helseid_authorization\",\"practitioner_role\":{\"organization\":"
                    + "{\"identifier\":{\"system\":\"urn:oid:1.0.6523\",\"type\":\"ENH\",\"value\":\"NO:ORGNR:" + orgnr + "\"}}}}]");
        }
        return postForm("/connect/token", form);
    }

    protected HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected String systemToken(String orgnr) throws Exception {
        HttpResponse<String> response = requestToken(validAssertion(), orgnr);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }

    protected String userToken(String hprNumber) throws Exception {
        return userTokenFor("{\"hprNumber\":\"" + hprNumber + "\"}");
    }

    protected String userTokenFor(String requestJson) throws Exception {
        HttpResponse<String> response = postJson("/testtoken", requestJson, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }

    protected HttpResponse<String> helseindikator(String token, String fnr) throws Exception {
        return postJson("/v1/helseindikator", "{\"fnr\":\"" + fnr + "\",\"samtykke\":\"HPMOTTATTSAMTYKKE\"}", token);
    }

    protected String ticket(String fnr) throws Exception {
        HttpResponse<String> response = helseindikator(systemToken(ORGNR_ALTA), fnr);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("ticket").asText();
    }

    protected HttpResponse<String> postJson(String path, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("X-EPJ-System", EPJ)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    protected HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }

    /** Decodes the claims of a JWT without verifying it. */
    protected static JsonNode claims(String jwt) throws IOException {
        return MAPPER.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
