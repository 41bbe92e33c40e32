package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.kjernebro.simulator.internal.jwt.Jwt;
import no.kjernebro.simulator.internal.jwt.Pem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Client assertions with other algorithms, and single- and multi-tenant clients naming organisations. */
class HelseIdClientRegistrationTest extends SimulatorTestSupport {

    private static final String EC_CLIENT = "kjernebro-ec";
    private static final String SINGLE = "kjernebro-5503";
    private static final String MULTI = "kjernebro-leverandor";
    private static final String ORGNR_LYNGEN = "990553602";

    private KeyPair ecKey;

    @BeforeAll
    void registerClients() throws Exception {
        ecKey = DpopKey.ec().keyPair();
        Files.writeString(clientsDir.resolve(EC_CLIENT + ".pem"), Pem.of(ecKey.getPublic()));
        Files.writeString(clientsDir.resolve(SINGLE + ".pem"), Pem.of(clientKey.getPublic()));
        Files.writeString(clientsDir.resolve(SINGLE + ".properties"), "tenancy=single\norgnr=" + ORGNR_HARSTAD + "\n");
        Files.writeString(clientsDir.resolve(MULTI + ".pem"), Pem.of(clientKey.getPublic()));
        Files.writeString(clientsDir.resolve(MULTI + ".properties"),
                "tenancy=multi\norganisations=" + ORGNR_ALTA + "," + ORGNR_HARSTAD + "\n");
    }

    @Test
    void acceptsAnEs256AssertionFromAClientRegisteredWithAnEcKey() throws Exception {
        ObjectNode header = MAPPER.createObjectNode().put("alg", "ES256").put("typ", "client-authentication+jwt");
        String assertion = Jwt.sign(header, assertionClaims(EC_CLIENT), ecKey.getPrivate());

        HttpResponse<String> response = postForm("/connect/token", tokenForm(EC_CLIENT, assertion));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(claims(json(response).get("access_token").asText()).get("client_id").asText()).isEqualTo(EC_CLIENT);
    }

    @Test
    void refusesAlgNoneAndSymmetricAssertions() throws Exception {
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(assertionClaims(CLIENT_ID).toString()) + ".";
        assertInvalidClient(postForm("/connect/token", tokenForm(CLIENT_ID, none)), "alg none");

        String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(assertionClaims(CLIENT_ID).toString());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(clientKey.getPublic().getEncoded(), "HmacSHA256")); // the classic key-confusion trick
        String hs256 = input + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        assertInvalidClient(postForm("/connect/token", tokenForm(CLIENT_ID, hs256)), "alg HS256");
    }

    @Test
    void refusesAnRsaSignatureForAClientRegisteredWithAnEcKey() throws Exception {
        ObjectNode header = MAPPER.createObjectNode().put("alg", "RS256");
        String assertion = Jwt.sign(header, assertionClaims(EC_CLIENT), clientKey.getPrivate());

        assertInvalidClient(postForm("/connect/token", tokenForm(EC_CLIENT, assertion)), "does not fit");
    }

    @Test
    void multiTenantOrganisationInTheAssertionDetailsGoesIntoTheToken() throws Exception {
        ObjectNode claims = assertionClaims(MULTI);
        claims.set("assertion_details", MAPPER.readTree("{\"type\":\"helseid_authorization\",\"practitioner_role\":"
                + "{\"organization\":{\"identifier\":{\"system\":\"urn:oid:1.0.6523\",\"type\":\"ENH\","
                + "\"value\":\"NO:ORGNR:" + ORGNR_ALTA + ":" + ORGNR_LYNGEN + "\"}}}}"));

        HttpResponse<String> response = postForm("/connect/token", tokenForm(MULTI, Jwt.sign(claims, clientKey.getPrivate(), null)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode token = claims(json(response).get("access_token").asText());
        assertThat(token.get("helseid://claims/client/claims/orgnr_parent").asText()).isEqualTo(ORGNR_ALTA);
        assertThat(token.get("helseid://claims/client/claims/orgnr_child").asText()).isEqualTo(ORGNR_LYNGEN);
    }

    @Test
    void multiTenantClientIsRefusedAnOrganisationWithoutDelegation() throws Exception {
        Map<String, String> form = tokenForm(MULTI, Jwt.sign(assertionClaims(MULTI), clientKey.getPrivate(), null));
        form.put("authorization_details", authorizationDetails(ORGNR_LYNGEN));

        HttpResponse<String> response = postForm("/connect/token", form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_authorization_details");
        assertThat(json(response).get("error_description").asText()).contains("delegation");
    }

    @Test
    void singleTenantClientGetsItsOwnOrganisationAndIsRefusedAnother() throws Exception {
        HttpResponse<String> own = postForm("/connect/token", tokenForm(SINGLE, Jwt.sign(assertionClaims(SINGLE), clientKey.getPrivate(), null)));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(claims(json(own).get("access_token").asText()).get("helseid://claims/client/claims/orgnr_parent").asText())
                .isEqualTo(ORGNR_HARSTAD);

        Map<String, String> form = tokenForm(SINGLE, Jwt.sign(assertionClaims(SINGLE), clientKey.getPrivate(), null));
        form.put("authorization_details", authorizationDetails(ORGNR_ALTA));
        HttpResponse<String> other = postForm("/connect/token", form);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(json(other).get("error").asText()).isEqualTo("invalid_authorization_details");
        assertThat(json(other).has("access_token")).isFalse();
    }

    @Test
    void discoveryAdvertisesTheAsymmetricAlgorithmsAndDpop() throws Exception {
        JsonNode metadata = json(get("/.well-known/openid-configuration", Map.of()));

        assertThat(metadata.get("issuer").asText()).isEqualTo(simulator.settings().issuer());
        assertThat(metadata.get("jwks_uri").asText()).isEqualTo(simulator.settings().issuer() + "/jwks");
        assertThat(metadata.get("dpop_signing_alg_values_supported").toString()).contains("ES256", "RS256", "PS256");
        assertThat(metadata.get("token_endpoint_auth_signing_alg_values_supported").toString())
                .contains("ES256", "RS256").doesNotContain("HS256", "none");
        JsonNode key = json(get("/jwks", Map.of())).get("keys").get(0);
        assertThat(key.get("kid").asText()).isNotBlank();
        assertThat(key.get("alg").asText()).isEqualTo("RS256");
    }

    private ObjectNode assertionClaims(String clientId) {
        long now = now().getEpochSecond();
        return MAPPER.createObjectNode().put("iss", clientId).put("sub", clientId).put("aud", tokenEndpoint())
                .put("jti", UUID.randomUUID().toString()).put("iat", now).put("exp", now + 30);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalidClient(HttpResponse<String> response, String descriptionPart) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
        assertThat(json(response).get("error_description").asText()).contains(descriptionPart);
    }
}
