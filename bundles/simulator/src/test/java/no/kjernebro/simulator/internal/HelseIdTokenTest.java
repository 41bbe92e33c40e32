package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import no.kjernebro.simulator.internal.jwt.Jwt;
import org.junit.jupiter.api.Test;

class HelseIdTokenTest extends SimulatorTestSupport {

    @Test
    void issuesSystemTokenForSignedAssertionVerifiableWithTheJwks() throws Exception {
        HttpResponse<String> response = requestToken(validAssertion(), ORGNR_ALTA);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(600);
        assertThat(body.get("scope").asText()).isEqualTo("nhn:kjernejournal/api");
        String token = body.get("access_token").asText();
        JsonNode claims = claims(token);
        assertThat(claims.get("aud").asText()).isEqualTo("nhn:kjernejournal");
        assertThat(claims.get("client_id").asText()).isEqualTo(CLIENT_ID);
        assertThat(claims.get("helseid://claims/client/claims/orgnr_parent").asText()).isEqualTo(ORGNR_ALTA);
        assertThat(claims.get("iss").asText()).isEqualTo(simulator.settings().issuer());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);

        Jwt.parse(token).verify(jwksKey()); // throws if the published key does not verify the token
    }

    @Test
    void refusesAssertionSignedWithAnotherKey() throws Exception {
        String forged = assertion(rsaKeyPair(), tokenEndpoint(), Instant.now(), 60, UUID.randomUUID().toString());

        assertInvalidClient(requestToken(forged, ORGNR_ALTA), "signature");
    }

    @Test
    void refusesReplayedJti() throws Exception {
        String assertion = validAssertion();
        assertThat(requestToken(assertion, ORGNR_ALTA).statusCode()).isEqualTo(200);

        assertInvalidClient(requestToken(assertion, ORGNR_ALTA), "jti");
    }

    @Test
    void refusesExpiredAssertion() throws Exception {
        String expired = assertion(clientKey, tokenEndpoint(), Instant.now().minusSeconds(300), 60, UUID.randomUUID().toString());

        assertInvalidClient(requestToken(expired, ORGNR_ALTA), "expired");
    }

    @Test
    void refusesAssertionLivingLongerThanSixtySeconds() throws Exception {
        String longLived = assertion(clientKey, tokenEndpoint(), Instant.now(), 3600, UUID.randomUUID().toString());

        assertInvalidClient(requestToken(longLived, ORGNR_ALTA), "60 seconds");
    }

    @Test
    void refusesAssertionForAnotherAudience() throws Exception {
        String wrongAud = assertion(clientKey, "https://helseid-sts.nhn.no/connect/token", Instant.now(), 60,
                UUID.randomUUID().toString());

        assertInvalidClient(requestToken(wrongAud, ORGNR_ALTA), "aud");
    }

    @Test
    void refusesUnknownClient() throws Exception {
        Map<String, String> form = Map.of("grant_type", "client_credentials", "client_id", "ukjent-klient",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", validAssertion(), "scope", "nhn:kjernejournal/api");

        assertInvalidClient(postForm("/connect/token", form), "unknown client");
    }

    @Test
    void refusesOtherGrantTypesAndScopes() throws Exception {
        HttpResponse<String> password = postForm("/connect/token", Map.of("grant_type", "password", "client_id", CLIENT_ID));
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(json(password).get("error").asText()).isEqualTo("unsupported_grant_type");

        HttpResponse<String> scope = postForm("/connect/token", Map.of("grant_type", "client_credentials",
                "client_id", CLIENT_ID,
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", validAssertion(), "scope", "nhn:kjernejournal/api openid"));
        assertThat(scope.statusCode()).isEqualTo(400);
        assertThat(json(scope).get("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void testTokenServiceIssuesUserTokensForHealthWorkersAndCaseWorkers() throws Exception {
        JsonNode lege = claims(userToken("9100001"));
        assertThat(lege.get("helseid://claims/identity/security_level").asText()).isEqualTo("4");
        assertThat(lege.get("helseid://claims/hpr/hpr_number").asText()).isEqualTo("9100001");
        assertThat(lege.get("name").asText()).isEqualTo("Lise Testlege");
        assertThat(lege.get("helseid://claims/identity/pid").asText()).matches("\\d{2}[89]\\d{8}");
        assertThat(lege.get("aud").asText()).isEqualTo("nhn:kjernejournal");

        JsonNode saksbehandler = claims(userTokenFor("{\"subject\":\"hid-sb-5601-0001\"}"));
        assertThat(saksbehandler.get("sub").asText()).isEqualTo("hid-sb-5601-0001");
        assertThat(saksbehandler.has("helseid://claims/hpr/hpr_number")).isFalse();

        HttpResponse<String> unknown = postJson("/testtoken", "{\"hprNumber\":\"1234567\"}", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).isEqualTo("unknown_person");
    }

    @Test
    void publishesDiscoveryMetadata() throws Exception {
        JsonNode metadata = json(get("/.well-known/openid-configuration", Map.of()));

        assertThat(metadata.get("token_endpoint").asText()).isEqualTo(tokenEndpoint());
        assertThat(metadata.get("token_endpoint_auth_methods_supported").get(0).asText()).isEqualTo("private_key_jwt");
    }

    private PublicKey jwksKey() throws Exception {
        JsonNode key = json(get("/jwks", Map.of())).get("keys").get(0);
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asText()));
        BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asText()));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }

    private static void assertInvalidClient(HttpResponse<String> response, String descriptionPart) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("invalid_client");
        assertThat(body.get("error_description").asText()).contains(descriptionPart);
        assertThat(body.has("access_token")).isFalse();
    }
}
