package no.kjernebro.medicationsweep.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.varsling.Legemiddelvarsling;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingException;
import no.kjernebro.api.varsling.VarslingForesporsel;
import no.kjernebro.api.varsling.VarslingSvar;
import no.kjernebro.simulator.internal.jwt.Jwt;

/**
 * For the benchmark only: Legemiddelvarsling over real HTTP against the simulator's wire format
 * (docs/contracts.md), with a HelseID system token from the simulator's token endpoint. It does what
 * core's client does on the wire, without core's tenant check and audit records.
 */
final class SimulatorVarsling implements Legemiddelvarsling {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String tokenEndpoint;
    private final String clientId;
    private final PrivateKey key;
    private final String orgnr;
    private String token;
    private Instant tokenAt = Instant.EPOCH;

    SimulatorVarsling(String baseUrl, String tokenEndpoint, String clientId, PrivateKey key, String orgnr) {
        this.baseUrl = baseUrl;
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.key = key;
        this.orgnr = orgnr;
    }

    @Override
    public int maxBatchSize() {
        return 100;
    }

    @Override
    public List<VarslingSvar> sjekk(VarslingForesporsel foresporsel) throws VarslingException {
        try {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode pasienter = body.putArray("pasienter");
            for (PasientSjekk p : foresporsel.pasienter()) {
                ObjectNode o = pasienter.addObject().put("fnr", p.fnr());
                if (p.sistSjekket() != null) {
                    o.put("sistSjekket", p.sistSjekket().toString());
                }
            }
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/legemiddelvarsling"))
                    .header("Authorization", "Bearer " + token())
                    .header("X-EPJ-System", "Kjernebro-benchmark 0.1")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new VarslingException(ErrorCode.KJERNEJOURNAL_REJECTED, "HTTP " + response.statusCode());
            }
            List<VarslingSvar> out = new ArrayList<>();
            for (JsonNode s : JSON.readTree(response.body()).get("pasienter")) {
                out.add(new VarslingSvar(s.get("fnr").asText(), s.get("harKjernejournal").asBoolean(),
                        s.get("nyLegemiddelinformasjon").asBoolean(), OffsetDateTime.parse(s.get("nesteSjekk").asText())));
            }
            return out;
        } catch (VarslingException e) {
            throw e;
        } catch (Exception e) {
            throw new VarslingException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE, e.getClass().getSimpleName());
        }
    }

    private synchronized String token() throws Exception {
        if (token != null && tokenAt.isAfter(Instant.now().minusSeconds(300))) {
            return token;
        }
        Instant now = Instant.now();
        ObjectNode claims = JSON.createObjectNode().put("iss", clientId).put("sub", clientId).put("aud", tokenEndpoint)
                .put("jti", UUID.randomUUID().toString()).put("iat", now.getEpochSecond())
                .put("nbf", now.getEpochSecond()).put("exp", now.getEpochSecond() + 60);
        String form = "grant_type=client_credentials&client_id=" + enc(clientId)
                + "&client_assertion_type=" + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=" + enc(Jwt.sign(claims, key, null)) + "&scope=" + enc("nhn:kjernejournal/api")
                + "&authorization_details=" + enc("[{\"type\":\"helseid_authorization\",\"practitioner_role\":{"
                + "\"organization\":{\"identifier\":{\"system\":\"urn:oid:1.0.6523\",\"type\":\"ENH\",\"value\":\"NO:ORGNR:"
                + orgnr + "\"}}}}]");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        token = JSON.readTree(response.body()).get("access_token").asText();
        tokenAt = now;
        return token;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
