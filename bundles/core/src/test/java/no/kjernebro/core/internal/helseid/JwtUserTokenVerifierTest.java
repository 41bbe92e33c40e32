package no.kjernebro.core.internal.helseid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.core.internal.kj.KjernejournalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** User tokens against an in-test issuer (discovery + JWKS over HTTP), each claim wrong in turn. */
class JwtUserTokenVerifierTest {

    private static final KeyPair KEY = TestIssuer.KEYS;
    private static final String KID = "issuer-key-1";
    private static final Instant NOW = Instant.parse("2026-01-15T08:00:00Z");

    private FakeIssuer issuer;
    private final MutableClock clock = new MutableClock(NOW);
    private JwtUserTokenVerifier verifier;
    private RemoteJwks jwks;

    @BeforeEach
    void start() throws Exception {
        issuer = new FakeIssuer();
        issuer.keys.add(new FakeIssuer.Key(KID, "RS256", KEY.getPublic()));
        issuer.keys.add(new FakeIssuer.Key("ec-1", null, TestKeys.EC.getPublic()));
        issuer.keys.add(new FakeIssuer.Key("rsa-any-alg", null, KEY.getPublic()));
        jwks = new RemoteJwks("", issuer.issuer(), HelseIdTokens.httpClient(Duration.ofSeconds(2)), Duration.ofSeconds(5),
                Duration.ofSeconds(60), Duration.ofHours(1), clock);
        verifier = new JwtUserTokenVerifier(UserTokenRules.of(issuer.issuer()), jwks, clock);
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private ObjectNode claims() {
        return Jose.JSON.createObjectNode()
                .put("iss", issuer.issuer())
                .put("aud", "nhn:kjernejournal")
                .put("sub", "hid-9100002")
                .put(VerifiedUserToken.HPR_NUMBER, "9100002")
                .put(VerifiedUserToken.PID, "13827898765")
                .put(VerifiedUserToken.SECURITY_LEVEL, "4")
                .put("iat", NOW.getEpochSecond())
                .put("nbf", NOW.getEpochSecond())
                .put("exp", NOW.getEpochSecond() + 3600);
    }

    private String token(Consumer<ObjectNode> change) {
        ObjectNode claims = claims();
        change.accept(claims);
        return sign("RS256", KID, claims, KEY.getPrivate());
    }

    static String sign(String alg, String kid, ObjectNode claims, PrivateKey key) {
        ObjectNode header = Jose.JSON.createObjectNode().put("alg", alg).put("typ", "at+jwt");
        if (kid != null) {
            header.put("kid", kid);
        }
        String input = Jose.base64Url(Jose.bytes(header)) + "." + Jose.base64Url(Jose.bytes(claims));
        try {
            Signature s = switch (alg) {
                case "RS256" -> Signature.getInstance("SHA256withRSA");
                case "PS256" -> {
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                    yield pss;
                }
                default -> Signature.getInstance("SHA256withECDSAinP1363Format");
            };
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Jose.base64Url(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void refused(String token, String because) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidUserTokenException.class)
                .hasMessageContaining(because);
    }

    @Test
    void aValidTokenFromTheIssuersJwksIsAccepted() throws Exception {
        VerifiedUserToken verified = verifier.verify(token(c -> { }));
        assertThat(verified.hprNumber()).isEqualTo("9100002");
        assertThat(verified.subject()).isEqualTo("hid-9100002");
        assertThat(verified.toString()).doesNotContain("13827898765");
        assertThat(issuer.discoveryRequests).hasValue(1);
        assertThat(issuer.jwksRequests).hasValue(1);
    }

    @Test
    void ps256AndEs256AreAcceptedAndAnAudienceArrayWorks() throws Exception {
        assertThat(verifier.verify(sign("PS256", "rsa-any-alg", claims(), KEY.getPrivate())).hprNumber()).isEqualTo("9100002");
        refused(sign("PS256", KID, claims(), KEY.getPrivate()), "signature does not verify"); // the JWKS pins RS256
        ObjectNode claims = claims();
        claims.putArray("aud").add("nhn:other").add("nhn:kjernejournal");
        assertThat(verifier.verify(sign("ES256", "ec-1", claims, TestKeys.EC.getPrivate())).subject()).isEqualTo("hid-9100002");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = token(c -> { });
        String[] parts = token.split("\\.");
        ObjectNode other = claims().put(VerifiedUserToken.HPR_NUMBER, "9100001");
        refused(parts[0] + "." + Jose.base64Url(Jose.bytes(other)) + "." + parts[2], "signature does not verify");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        refused(sign("RS256", KID, claims(), TestKeys.RSA.getPrivate()), "signature does not verify");
        refused(sign("RS256", "someone-elses", claims(), TestKeys.RSA.getPrivate()), "not in the issuer's JWKS");
        refused(sign("ES256", KID, claims(), TestKeys.EC.getPrivate()), "signature does not verify");
    }

    @Test
    void noneAndHmacAreRefusedWhateverTheyClaim() throws Exception {
        String unsigned = Jose.base64Url("{\"alg\":\"none\"}".getBytes()) + "." + Jose.base64Url(Jose.bytes(claims())) + ".";
        refused(unsigned, "algorithm 'none' is not allowed");
        // the classic confusion attack: HMAC keyed with the issuer's public key
        String input = Jose.base64Url(("{\"alg\":\"HS256\",\"kid\":\"" + KID + "\"}").getBytes()) + "."
                + Jose.base64Url(Jose.bytes(claims()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getPublic().getEncoded(), "HmacSHA256"));
        refused(input + "." + Jose.base64Url(mac.doFinal(input.getBytes())), "algorithm 'HS256' is not allowed");
    }

    @Test
    void eachClaimWrongInTurnIsRefusedNamingTheCheck() {
        long now = NOW.getEpochSecond();
        refused(token(c -> c.put("iss", "https://evil.example")), "issuer 'https://evil.example'");
        refused(token(c -> c.remove("iss")), "issuer");
        refused(token(c -> c.put("aud", "nhn:other")), "audience does not include nhn:kjernejournal");
        refused(token(c -> c.remove("aud")), "audience");
        refused(token(c -> c.put("exp", now - 31)), "expired");
        refused(token(c -> c.remove("exp")), "no expiry");
        refused(token(c -> c.put("nbf", now + 31)), "not valid before");
        refused(token(c -> c.put(VerifiedUserToken.SECURITY_LEVEL, "3")), "security level is '3', 4 is required");
        refused(token(c -> c.remove(VerifiedUserToken.SECURITY_LEVEL)), "security level is missing");
        refused("not-a-jwt", "not a signed JWT");
        refused("a.b.c", "not a signed JWT");
    }

    @Test
    void smallClockDifferencesAreTolerated() throws Exception {
        long now = NOW.getEpochSecond();
        assertThat(verifier.verify(token(c -> c.put("exp", now - 29)))).isNotNull();
        assertThat(verifier.verify(token(c -> c.put("nbf", now + 29)))).isNotNull();
        assertThat(verifier.verify(token(c -> c.put("iss", issuer.issuer() + "/")))).as("trailing slash").isNotNull();
    }

    @Test
    void criticalHeaderParametersAreRefused() {
        ObjectNode header = Jose.JSON.createObjectNode().put("alg", "RS256").put("kid", KID);
        header.putArray("crit").add("exp");
        String token = Jose.sign(header, claims(), SigningKey.of(KEY.getPrivate(), KEY.getPublic(), KID, "t"));
        refused(token, "critical header");
    }

    @Test
    void aRotatedIssuerKeyIsFetchedOnceWhenATokenNamesIt() throws Exception {
        verifier.verify(token(c -> { }));
        KeyPair next = TestKeys.rsa(2048);
        issuer.keys.clear();
        issuer.keys.add(new FakeIssuer.Key("issuer-key-2", "RS256", next.getPublic()));

        VerifiedUserToken verified = verifier.verify(sign("RS256", "issuer-key-2", claims(), next.getPrivate()));
        assertThat(verified.hprNumber()).isEqualTo("9100002");
        assertThat(issuer.jwksRequests).hasValue(2);
        verifier.verify(sign("RS256", "issuer-key-2", claims(), next.getPrivate()));
        assertThat(issuer.jwksRequests).hasValue(2);
    }

    @Test
    void unknownKeyIdsRefetchTheJwksAtABoundedRate() throws Exception {
        verifier.verify(token(c -> { }));
        for (int i = 0; i < 20; i++) {
            refused(sign("RS256", "made-up-" + i, claims(), TestKeys.RSA.getPrivate()), "not in the issuer's JWKS");
        }
        assertThat(issuer.jwksRequests).as("first fetch + one refresh").hasValue(2);
        clock.advance(Duration.ofSeconds(61));
        refused(sign("RS256", "made-up-x", claims().put("exp", NOW.getEpochSecond() + 7200), TestKeys.RSA.getPrivate()),
                "not in the issuer's JWKS");
        assertThat(issuer.jwksRequests).hasValue(3);
    }

    @Test
    void theJwksIsRefetchedWhenOlderThanItsMaximumAge() throws Exception {
        verifier.verify(token(c -> { }));
        clock.advance(Duration.ofMinutes(61));
        verifier.verify(token(c -> c.put("exp", NOW.getEpochSecond() + 7200)));
        assertThat(issuer.jwksRequests).hasValue(2);
        assertThat(issuer.discoveryRequests).as("the jwks_uri is remembered").hasValue(1);
    }

    @Test
    void anUnreachableIssuerIsUnavailableNotInvalid() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String gone = "http://127.0.0.1:" + closedPort;
        JwtUserTokenVerifier offline = new JwtUserTokenVerifier(UserTokenRules.of(gone),
                new RemoteJwks(gone + "/jwks", gone, HelseIdTokens.httpClient(Duration.ofSeconds(1)), Duration.ofSeconds(1),
                        Duration.ofSeconds(60), Duration.ofHours(1), clock), clock);
        assertThatThrownBy(() -> offline.verify(token(c -> c.put("iss", gone))))
                .isInstanceOfSatisfying(KjernejournalException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.KJERNEJOURNAL_UNAVAILABLE))
                .hasMessageContaining(gone + "/jwks");
    }

    @Test
    void aConfiguredJwksUrlSkipsDiscovery() throws Exception {
        JwtUserTokenVerifier direct = new JwtUserTokenVerifier(UserTokenRules.of(issuer.issuer()),
                new RemoteJwks(issuer.issuer() + "/jwks", issuer.issuer(), HelseIdTokens.httpClient(Duration.ofSeconds(2)),
                        Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofHours(1), clock), clock);
        direct.verify(token(c -> { }));
        assertThat(issuer.discoveryRequests).hasValue(0);
        assertThat(issuer.jwksRequests).hasValue(1);
    }
}
