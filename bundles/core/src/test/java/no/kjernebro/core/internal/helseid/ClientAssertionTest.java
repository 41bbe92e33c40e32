package no.kjernebro.core.internal.helseid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAssertionTest {

    private static final String TOKEN_URL = "https://helseid-sts.test.nhn.no/connect/token";
    private static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");

    static JsonNode part(String jwt, int i) {
        return Jose.parse(Jose.fromBase64Url(jwt.split("\\.")[i]));
    }

    static boolean verifies(String jwt, PublicKey key, String alg) throws Exception {
        String[] parts = jwt.split("\\.");
        Signature v = Signature.getInstance("RS256".equals(alg) ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
        v.initVerify(key);
        v.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return v.verify(Jose.fromBase64Url(parts[2]));
    }

    @Test
    void anRs256AssertionHasHelseIdsClaimsAndVerifiesWithThePublicKey() throws Exception {
        SigningKey key = SigningKey.of(TestKeys.RSA.getPrivate(), TestKeys.RSA.getPublic(), null, "test");
        String jwt = ClientAssertion.create("kjernebro-5601", TOKEN_URL, key, null, NOW);

        JsonNode header = part(jwt, 0);
        JsonNode claims = part(jwt, 1);
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("kid").asText()).isEqualTo(Jwk.thumbprint(TestKeys.RSA.getPublic()));
        assertThat(claims.path("iss").asText()).isEqualTo("kjernebro-5601");
        assertThat(claims.path("sub").asText()).isEqualTo("kjernebro-5601");
        assertThat(claims.path("aud").asText()).isEqualTo(TOKEN_URL);
        assertThat(claims.path("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.path("nbf").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isPositive().isLessThanOrEqualTo(60);
        assertThat(claims.path("jti").asText()).isNotBlank();
        assertThat(claims.has("authorization_details")).as("a single-tenant client names no organisation").isFalse();
        assertThat(verifies(jwt, TestKeys.RSA.getPublic(), "RS256")).isTrue();
        assertThat(verifies(jwt, TestKeys.rsa(2048).getPublic(), "RS256")).as("another key").isFalse();
    }

    @Test
    void anEs256AssertionIsSignedInJwsFormAndVerifies() throws Exception {
        SigningKey key = SigningKey.of(TestKeys.EC.getPrivate(), TestKeys.EC.getPublic(), "my-kid", "test");
        String jwt = ClientAssertion.create("kjernebro-multi", TOKEN_URL, key, null, NOW);

        assertThat(part(jwt, 0).path("alg").asText()).isEqualTo("ES256");
        assertThat(part(jwt, 0).path("kid").asText()).isEqualTo("my-kid");
        assertThat(Jose.fromBase64Url(jwt.split("\\.")[2])).as("R||S, 64 bytes").hasSize(64);
        assertThat(verifies(jwt, TestKeys.EC.getPublic(), "ES256")).isTrue();
    }

    @Test
    void everyAssertionHasItsOwnJti() {
        SigningKey key = SigningKey.of(TestKeys.EC.getPrivate(), TestKeys.EC.getPublic(), null, "test");
        Set<String> jtis = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            jtis.add(part(ClientAssertion.create("c", TOKEN_URL, key, null, NOW), 1).path("jti").asText());
        }
        assertThat(jtis).hasSize(200);
    }

    @Test
    void aMultiTenantAssertionNamesTheOrganisationInAuthorizationDetails() {
        SigningKey key = SigningKey.of(TestKeys.EC.getPrivate(), TestKeys.EC.getPublic(), null, "test");
        JsonNode claims = part(ClientAssertion.create("kjernebro-multi", TOKEN_URL, key, "990550301", NOW), 1);

        JsonNode detail = claims.path("authorization_details").get(0);
        assertThat(detail.path("type").asText()).isEqualTo("helseid_authorization");
        JsonNode identifier = detail.path("practitioner_role").path("organization").path("identifier");
        assertThat(identifier.path("system").asText()).isEqualTo("urn:oid:1.0.6523");
        assertThat(identifier.path("type").asText()).isEqualTo("ENH");
        assertThat(identifier.path("value").asText()).isEqualTo("NO:ORGNR:990550301");
    }

    @Test
    void aSigningKeyNeverShowsItsKeyMaterial() {
        SigningKey key = SigningKey.of(TestKeys.RSA.getPrivate(), TestKeys.RSA.getPublic(), "k1", "/etc/key.json");
        assertThat(key.toString()).contains("RS256", "k1", "/etc/key.json")
                .doesNotContain(TestKeys.secretPart(TestKeys.RSA))
                .doesNotContain(Jwk.toJson(TestKeys.RSA.getPublic()).path("n").asText().substring(0, 20));
    }
}
