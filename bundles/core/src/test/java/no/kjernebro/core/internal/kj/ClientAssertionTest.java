package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.Test;

class ClientAssertionTest {

    private static final String TOKEN_URL = "http://localhost:8190/connect/token";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void isSignedRs256WithTheTenantsKey() throws Exception {
        String jwt = ClientAssertion.create("kjernebro-5601", TOKEN_URL, "990560102",
                TestTenants.KEYS.getPrivate(), Instant.parse("2025-11-25T10:00:00Z"));
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(TestTenants.KEYS.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
    }

    @Test
    void carriesTheClaimsHelseIdRequires() throws Exception {
        Instant now = Instant.parse("2025-11-25T10:00:00Z");
        String jwt = ClientAssertion.create("kjernebro-5601", TOKEN_URL, "990560102", TestTenants.KEYS.getPrivate(), now);
        JsonNode claims = Jwt.unverifiedClaims(jwt).orElseThrow();
        assertThat(claims.path("iss").asText()).isEqualTo("kjernebro-5601");
        assertThat(claims.path("sub").asText()).isEqualTo("kjernebro-5601");
        assertThat(claims.path("aud").asText()).isEqualTo(TOKEN_URL);
        assertThat(claims.path("iat").asLong()).isEqualTo(now.getEpochSecond());
        assertThat(claims.path("exp").asLong()).isEqualTo(now.getEpochSecond() + 30);
        assertThat(claims.path("jti").asText()).hasSize(36);
        assertThat(claims.at("/authorization_details/0/type").asText()).isEqualTo("helseid_authorization");
        assertThat(claims.at("/authorization_details/0/practitioner_role/organization/identifier/value").asText())
                .isEqualTo("NO:ORGNR:990560102");

        String second = ClientAssertion.create("kjernebro-5601", TOKEN_URL, "990560102", TestTenants.KEYS.getPrivate(), now);
        assertThat(Jwt.unverifiedClaims(second).orElseThrow().path("jti").asText()).isNotEqualTo(claims.path("jti").asText());
    }

    @Test
    void readsOnlyWellFormedTokens() {
        assertThat(Jwt.unverifiedClaims("not-a-token")).isEmpty();
        assertThat(Jwt.unverifiedClaims("a.%%%.c")).isEmpty();
        assertThat(Jwt.unverifiedClaims(null)).isEmpty();
    }
}
