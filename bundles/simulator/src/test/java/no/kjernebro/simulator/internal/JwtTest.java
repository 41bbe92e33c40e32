package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import no.kjernebro.simulator.internal.jwt.Jwt;
import no.kjernebro.simulator.internal.jwt.JwtException;
import no.kjernebro.simulator.internal.jwt.Pem;
import org.junit.jupiter.api.Test;

class JwtTest {

    private final ObjectNode claims = new ObjectMapper().createObjectNode().put("sub", "kjernebro-5601").put("exp", 42);

    @Test
    void signedTokenVerifiesWithTheKeyAndKeepsItsClaims() throws Exception {
        KeyPair key = SimulatorTestSupport.rsaKeyPair();

        Jwt jwt = Jwt.parse(Jwt.sign(claims, key.getPrivate(), "k1")).verify(key.getPublic());

        assertThat(jwt.claim("sub")).isEqualTo("kjernebro-5601");
        assertThat(jwt.epochSeconds("exp")).isEqualTo(42L);
        assertThat(jwt.header().get("kid").asText()).isEqualTo("k1");
    }

    @Test
    void refusesAnotherKeyAlteredClaimsAndAlgNone() throws Exception {
        KeyPair key = SimulatorTestSupport.rsaKeyPair();
        String token = Jwt.sign(claims, key.getPrivate(), null);
        String[] parts = token.split("\\.");

        assertThatThrownBy(() -> Jwt.parse(token).verify(SimulatorTestSupport.rsaKeyPair().getPublic()))
                .isInstanceOf(JwtException.class);
        String altered = parts[0] + "." + b64("{\"sub\":\"someone-else\",\"exp\":42}") + "." + parts[2];
        assertThatThrownBy(() -> Jwt.parse(altered).verify(key.getPublic())).isInstanceOf(JwtException.class);
        String none = b64("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2];
        assertThatThrownBy(() -> Jwt.parse(none).verify(key.getPublic())).hasMessageContaining("RS256");
        assertThatThrownBy(() -> Jwt.parse("a.b")).isInstanceOf(JwtException.class);
    }

    @Test
    void pemRoundTrip() throws Exception {
        KeyPair key = SimulatorTestSupport.rsaKeyPair();

        assertThat(Pem.rsaPublicKey(Pem.of(key.getPublic()))).isEqualTo(key.getPublic());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
