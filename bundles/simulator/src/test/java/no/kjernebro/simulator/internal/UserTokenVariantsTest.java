package no.kjernebro.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import no.kjernebro.simulator.internal.jwt.Jwt;
import no.kjernebro.simulator.internal.jwt.JwtException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Deliberately bad user tokens from {@code /testtoken}, and how kjernejournal answers them. */
class UserTokenVariantsTest extends SimulatorTestSupport {

    @ParameterizedTest
    @CsvSource({
            "expired, invalid_token, expired",
            "not-yet-valid, invalid_token, not valid yet",
            "wrong-audience, invalid_token, not for nhn:kjernejournal",
            "wrong-issuer, invalid_token, not issued by",
            "wrong-key, invalid_token, signature",
            "security-level-3, insufficient_user_authentication, security level 4"})
    void eachBadClaimIsRefusedWith401(String variant, String error, String description) throws Exception {
        String token = variantToken(variant);

        HttpResponse<String> response = everything(token, ticket("05902823095"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).isEqualTo(error);
        assertThat(json(response).get("error_description").asText()).contains(description);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void variantsChangeExactlyTheClaimTheyName() throws Exception {
        long now = now().getEpochSecond();
        assertThat(claims(variantToken("expired")).get("exp").asLong()).isLessThan(now);
        assertThat(claims(variantToken("not-yet-valid")).get("nbf").asLong()).isGreaterThan(now);
        assertThat(claims(variantToken("wrong-audience")).get("aud").asText()).isNotEqualTo("nhn:kjernejournal");
        assertThat(claims(variantToken("wrong-issuer")).get("iss").asText()).isNotEqualTo(simulator.settings().issuer());
        assertThat(claims(variantToken("security-level-3")).get("helseid://claims/identity/security_level").asText())
                .isEqualTo("3");
        assertThat(claims(variantToken("no-hpr")).has("helseid://claims/hpr/hpr_number")).isFalse();
        assertThat(claims(variantToken("no-hpr")).get("sub").asText()).isEqualTo("hid-hp-9100002");

        String wrongKey = variantToken("wrong-key");
        String genuine = userToken("9100002");
        assertThat(MAPPER.readTree(Base64.getUrlDecoder().decode(wrongKey.split("\\.")[0])).get("kid"))
                .isEqualTo(MAPPER.readTree(Base64.getUrlDecoder().decode(genuine.split("\\.")[0])).get("kid"));
        Jwt.parse(genuine).verify(jwksKey());
        assertThatThrownBy(() -> Jwt.parse(wrongKey).verify(jwksKey())).isInstanceOf(JwtException.class);
    }

    @Test
    void anUnknownVariantIsABadRequest() throws Exception {
        HttpResponse<String> response = postJson("/testtoken", "{\"hprNumber\":\"9100002\",\"variant\":\"tull\"}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error_description").asText()).contains("expired", "wrong-key");
    }

    @Test
    void withoutHprNumberEverythingOnlySharesPersonaliaAndSaysSo() throws Exception {
        JsonNode bundle = json(everything(variantToken("no-hpr"), ticket("05902823095")));

        assertThat(KritiskInformasjonTest.resources(bundle, "Patient")).hasSize(1);
        assertThat(KritiskInformasjonTest.resources(bundle, "PractitionerRole")).hasSize(1);
        assertThat(KritiskInformasjonTest.resources(bundle, "RelatedPerson")).isNotEmpty();
        assertThat(KritiskInformasjonTest.resources(bundle, "AllergyIntolerance")).isEmpty();
        assertThat(KritiskInformasjonTest.resources(bundle, "Condition")).isEmpty();
        assertThat(KritiskInformasjonTest.resources(bundle, "Immunization")).isEmpty();
        JsonNode outcome = KritiskInformasjonTest.resources(bundle, "OperationOutcome").get(0);
        assertThat(outcome.at("/issue/0/code").asText()).isEqualTo("suppressed");
        assertThat(outcome.at("/issue/0/details/coding/0/code").asText()).isEqualTo("KREVER_HELSEPERSONELL");

        HttpResponse<String> legemidler = get("/v1/legemidler?ticket=" + ticket("05902823095"),
                Map.of("X-EPJ-System", EPJ, "Authorization", "Bearer " + userTokenFor("{\"subject\":\"hid-sb-5601-0001\"}")));
        assertThat(legemidler.statusCode()).isEqualTo(403);
    }

    private String variantToken(String variant) throws Exception {
        return userTokenFor("{\"hprNumber\":\"9100002\",\"variant\":\"" + variant + "\"}");
    }

    private HttpResponse<String> everything(String token, String ticket) throws Exception {
        return get("/v1/fhir/Patient/$everything", Map.of("X-EPJ-System", EPJ, "X-kj-ticket", ticket,
                "Authorization", "Bearer " + token));
    }

    private PublicKey jwksKey() throws Exception {
        JsonNode key = json(get("/jwks", Map.of())).get("keys").get(0);
        BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asText()));
        BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asText()));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }
}
