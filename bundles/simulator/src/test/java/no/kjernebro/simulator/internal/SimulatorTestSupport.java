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
        SimulatorSettings settings = customise(new SimulatorSettings("127.0.0.1", port, "", clientsDir,
                "http://localhost:" + port, Duration.ofSeconds(600), varsling()));
        simulator = new Simulator(settings, DatasetLoader.loadDefault(), clock());
        simulator.start();
    }

    /** A test class may change the settings (DPoP, dataset path, ...). */
    protected SimulatorSettings customise(SimulatorSettings settings) {
        return settings;
    }

    /** The simulator's clock; a test class may pick one it can move. */
    protected Clock clock() {
        return Clock.systemUTC();
    }

    /** The current time as the simulator sees it. */
    protected Instant now() {
        return clock().instant();
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
        return assertion(clientKey, tokenEndpoint(), now(), 60, UUID.randomUUID().toString());
    }

    /** The form of a client-credentials request of {@link #CLIENT_ID} with the given assertion. */
    protected Map<String, String> tokenForm(String clientId, String assertion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion);
        form.put("scope", "nhn:kjernejournal/api");
        return form;
    }

    /** A token request with a DPoP proof header (null for none). */
    protected HttpResponse<String> requestToken(Map<String, String> form, String dpopProof) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (dpopProof != null) {
            request.header("DPoP", dpopProof);
        }
        return send(request);
    }

    /**
     * A DPoP-bound system token: asks without a nonce, takes the nonce from the use_dpop_nonce answer and
     * asks again, as HelseID's clients do.
     */
    protected String dpopSystemToken(DpopKey key, String orgnr) throws Exception {
        Map<String, String> form = tokenForm(CLIENT_ID, validAssertion());
        if (orgnr != null) {
            form.put("authorization_details", authorizationDetails(orgnr));
        }
        HttpResponse<String> first = requestToken(form, key.proof("POST", tokenEndpoint(), null, null, now()));
        String nonce = first.headers().firstValue("DPoP-Nonce").orElse(null);
        HttpResponse<String> second = first.statusCode() == 200 ? first
                : requestToken(form, key.proof("POST", tokenEndpoint(), nonce, null, now()));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(json(second).get("token_type").asText()).isEqualTo("DPoP");
        return json(second).get("access_token").asText();
    }

    protected static String authorizationDetails(String orgnr) {
        return "[{\"type\":\"helseid_authorization\",\"practitioner_role\":{\"organization\":"
                + "{\"identifier\":{\"system\":\"urn:oid:1.0.6523\",\"type\":\"ENH\",\"value\":\"NO:ORGNR:" + orgnr + "\"}}}}]";
    }

    /** A request to the simulator's kjernejournal API with a DPoP-bound token and a proof for it. */
    protected HttpResponse<String> dpopRequest(String method, String path, String body, String token, DpopKey key,
                                               String nonce, Map<String, String> headers) throws Exception {
        String url = baseUrl + path;
        int query = path.indexOf('?');
        String htu = baseUrl + (query < 0 ? path : path.substring(0, query));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("X-EPJ-System", EPJ)
                .header("Authorization", "DPoP " + token)
                .header("DPoP", key.proof(method, htu, nonce, token, now()));
        headers.forEach(request::header);
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.GET();
        }
        return send(request);
    }

    /** As {@link #dpopRequest}, retrying once with the nonce a use_dpop_nonce answer names. */
    protected HttpResponse<String> dpopRequestWithNonceRetry(String method, String path, String body, String token,
                                                             DpopKey key, Map<String, String> headers) throws Exception {
        HttpResponse<String> first = dpopRequest(method, path, body, token, key, null, headers);
        if (first.statusCode() == 401 && first.headers().firstValue("DPoP-Nonce").isPresent()) {
            return dpopRequest(method, path, body, token, key, first.headers().firstValue("DPoP-Nonce").get(), headers);
        }
        return first;
    }

    protected HttpResponse<String> requestToken(String assertion, String orgnr) throws Exception {
        Map<String, String> form = tokenForm(CLIENT_ID, assertion);
        if (orgnr != null) {
            form.put("authorization_details", authorizationDetails(orgnr));
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
