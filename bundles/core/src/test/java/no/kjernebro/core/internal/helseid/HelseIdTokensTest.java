package no.kjernebro.core.internal.helseid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.core.internal.kj.KjernejournalException;
import no.kjernebro.core.internal.policy.AccessPolicy;
import no.kjernebro.core.internal.tenant.Tenant;
import no.kjernebro.core.internal.tenant.TenantHelseId;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelseIdTokensTest {

    private static final String SCOPE = "nhn:kjernejournal/api";
    private static final Tenant ALTA = TestTenants.alta();
    private static final Tenant HARSTAD = multiTenant("5503", "990550301");
    private static final Tenant LYNGEN = multiTenant("5536", "990553602");

    @TempDir
    Path dir;

    private FakeHelseId helseId;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T08:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        helseId = new FakeHelseId();
    }

    @AfterEach
    void stop() {
        helseId.close();
    }

    static Tenant multiTenant(String kommunenummer, String orgnr) {
        return new Tenant(kommunenummer, orgnr, "Kommune " + kommunenummer, true, Set.of(), TenantHelseId.multi(),
                List.of(), AccessPolicy.defaults());
    }

    private HelseIdTokens client(boolean dpop) {
        return new HelseIdTokens(HelseIdSettings.of(helseId.tokenUrl(), dpop), clock);
    }

    private HelseIdTokens multiClient() throws Exception {
        Path key = Files.writeString(dir.resolve("multi.json"), TestKeys.privateJwk(TestKeys.EC, "multi-1"));
        return new HelseIdTokens(HelseIdSettings.of(helseId.tokenUrl(), true)
                .withMultiTenantClient("kjernebro-multi", key.toString()), clock);
    }

    private static JsonNode jwtPart(String jwt, int i) {
        return Jose.parse(Jose.fromBase64Url(jwt.split("\\.")[i]));
    }

    @Test
    void aTokenIsReusedUntilTheRefreshMarginBeforeItExpires() throws Exception {
        HelseIdTokens tokens = client(false);
        AccessToken first = tokens.systemToken(ALTA, SCOPE);
        clock.advance(Duration.ofSeconds(539)); // 600 s token, 60 s margin
        assertThat(tokens.systemToken(ALTA, SCOPE)).isEqualTo(first);
        assertThat(helseId.received).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        AccessToken second = tokens.systemToken(ALTA, SCOPE);
        assertThat(second.value()).isNotEqualTo(first.value());
        assertThat(helseId.received).hasSize(2);
        assertThat(tokens.tokenRequests()).isEqualTo(2);
    }

    @Test
    void aTokenShorterLivedThanTheMarginIsStillKeptForHalfItsLife() throws Exception {
        helseId.expiresIn = 60;
        HelseIdTokens tokens = client(false);
        tokens.systemToken(ALTA, SCOPE);
        clock.advance(Duration.ofSeconds(29));
        tokens.systemToken(ALTA, SCOPE);
        assertThat(helseId.received).hasSize(1);
        clock.advance(Duration.ofSeconds(2));
        tokens.systemToken(ALTA, SCOPE);
        assertThat(helseId.received).hasSize(2);
    }

    @Test
    void concurrentCallersShareOneTokenFetch() throws Exception {
        HelseIdTokens tokens = client(true);
        helseId.hold = new CountDownLatch(1);
        int n = 16;
        List<AccessToken> got = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                try {
                    got.add(tokens.systemToken(ALTA, SCOPE));
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        // every caller is parked: one in the HTTP call, the rest waiting for its outcome
        while (helseId.received.isEmpty() || threads.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
            Thread.onSpinWait();
        }
        helseId.hold.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(helseId.received).hasSize(1);
        assertThat(got).hasSize(n).allMatch(t -> t.equals(got.get(0)));
    }

    @Test
    void aFailedFetchIsNotCachedAndItsMessageIsForOperators() throws Exception {
        HelseIdTokens tokens = client(false);
        helseId.errorStatus = 400;
        helseId.error = "invalid_client";
        assertThatThrownBy(() -> tokens.systemToken(ALTA, SCOPE))
                .isInstanceOfSatisfying(KjernejournalException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
                    assertThat(e.getMessage()).contains(helseId.tokenUrl(), "400", "invalid_client", "refused by the fake",
                            "kjernebro-5601").doesNotContain("eyJ");
                });
        helseId.error = null;
        assertThat(tokens.systemToken(ALTA, SCOPE).value()).isEqualTo("token-1");
        assertThat(helseId.received).hasSize(2);
    }

    @Test
    void serverErrorsUnreachableEndpointsAndBrokenAnswersAreUnavailable() throws Exception {
        helseId.errorStatus = 503;
        helseId.error = "temporarily_unavailable";
        assertThatThrownBy(() -> client(false).systemToken(ALTA, SCOPE)).hasMessageContaining("is failing: 503");
        helseId.error = null;
        helseId.body = "<html>proxy error</html>";
        assertThatThrownBy(() -> client(false).systemToken(ALTA, SCOPE)).hasMessageContaining("without an access_token");
        helseId.body = "{\"access_token\":\"x\",\"token_type\":\"mac\"}";
        assertThatThrownBy(() -> client(false).systemToken(ALTA, SCOPE)).hasMessageContaining("unknown token_type");

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HelseIdTokens unreachable = new HelseIdTokens(HelseIdSettings.of("http://127.0.0.1:" + closedPort + "/connect/token",
                false), clock);
        assertThatThrownBy(() -> unreachable.systemToken(ALTA, SCOPE))
                .isInstanceOfSatisfying(KjernejournalException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.KJERNEJOURNAL_UNAVAILABLE))
                .hasMessageContaining("could not be reached");
    }

    @Test
    void theMultiTenantClientNamesEachOrganisationAndCachesPerOrganisation() throws Exception {
        HelseIdTokens tokens = multiClient();
        AccessToken harstad = tokens.systemToken(HARSTAD, SCOPE);
        AccessToken lyngen = tokens.systemToken(LYNGEN, SCOPE);
        tokens.systemToken(HARSTAD, SCOPE);
        tokens.systemToken(ALTA, SCOPE);

        assertThat(harstad).isNotEqualTo(lyngen);
        assertThat(helseId.received).hasSize(3);
        List<String> orgs = new ArrayList<>();
        for (FakeHelseId.Received r : helseId.received.subList(0, 2)) {
            assertThat(r.form()).containsEntry("client_id", "kjernebro-multi");
            assertThat(r.assertionClaims().path("iss").asText()).isEqualTo("kjernebro-multi");
            assertThat(r.assertionHeader().path("kid").asText()).isEqualTo("multi-1");
            assertThat(r.assertionHeader().path("alg").asText()).isEqualTo("ES256");
            orgs.add(r.assertionClaims().path("authorization_details").get(0).path("practitioner_role")
                    .path("organization").path("identifier").path("value").asText());
        }
        assertThat(orgs).containsExactly("NO:ORGNR:990550301", "NO:ORGNR:990553602");
        FakeHelseId.Received single = helseId.received.get(2);
        assertThat(single.form()).containsEntry("client_id", "kjernebro-5601");
        assertThat(single.assertionClaims().has("authorization_details")).isFalse();
    }

    @Test
    void aMultiTenantTenantWithoutTheSharedClientGetsAClearError() {
        assertThatThrownBy(() -> client(true).systemToken(HARSTAD, SCOPE))
                .isInstanceOf(KjernejournalException.class)
                .hasMessageContaining("5503").hasMessageContaining("helseid.multiTenant.clientId");
        assertThat(helseId.received).isEmpty();
    }

    @Test
    void theTokenRequestCarriesADpopProofSignedWithTheClientsDpopKey() throws Exception {
        HelseIdTokens tokens = client(true);
        AccessToken token = tokens.systemToken(ALTA, SCOPE);
        assertThat(token.dpop()).isTrue();

        String proof = helseId.received.get(0).dpop();
        JsonNode header = jwtPart(proof, 0);
        JsonNode claims = jwtPart(proof, 1);
        assertThat(header.path("typ").asText()).isEqualTo("dpop+jwt");
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("jwk").has("d")).as("never the private part").isFalse();
        assertThat(claims.path("htm").asText()).isEqualTo("POST");
        assertThat(claims.path("htu").asText()).isEqualTo(helseId.tokenUrl());
        assertThat(claims.path("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(claims.path("jti").asText()).isNotBlank();
        assertThat(claims.has("ath")).isFalse();
        assertThat(claims.has("nonce")).isFalse();
        assertThat(verifiesWithItsJwk(proof)).isTrue();
    }

    @Test
    void aResourceCallGetsTheDpopTokenAndAProofWithAthAndTheServersNonce() throws Exception {
        HelseIdTokens tokens = client(true);
        AccessToken token = tokens.systemToken(ALTA, SCOPE);
        String url = "https://kj.test.nhn.no/v1/legemidler?ticket=abc&fra=2025-01-01#top";

        Map<String, String> headers = tokens.authorize(ALTA, token, "get", url, null);
        assertThat(headers).containsEntry("Authorization", "DPoP " + token.value());
        String proof = headers.get("DPoP");
        JsonNode claims = jwtPart(proof, 1);
        assertThat(claims.path("htm").asText()).isEqualTo("GET");
        assertThat(claims.path("htu").asText()).isEqualTo("https://kj.test.nhn.no/v1/legemidler");
        assertThat(claims.path("ath").asText()).isEqualTo(Jose.base64Url(Jose.sha256(token.value().getBytes())));
        assertThat(claims.has("nonce")).isFalse();
        assertThat(jwtPart(proof, 0).path("jwk")).as("the key the token is bound to")
                .isEqualTo(jwtPart(helseId.received.get(0).dpop(), 0).path("jwk"));
        assertThat(verifiesWithItsJwk(proof)).isTrue();

        Map<String, String> retried = tokens.authorize(ALTA, token, "GET", url, "rs-nonce-1");
        assertThat(jwtPart(retried.get("DPoP"), 1).path("nonce").asText()).isEqualTo("rs-nonce-1");
        assertThat(jwtPart(retried.get("DPoP"), 1).path("jti").asText()).isNotEqualTo(claims.path("jti").asText());
        Map<String, String> later = tokens.authorize(ALTA, token, "POST", "https://kj.test.nhn.no/v1/helseindikator", null);
        assertThat(jwtPart(later.get("DPoP"), 1).path("nonce").asText()).as("the server's latest nonce")
                .isEqualTo("rs-nonce-1");
    }

    @Test
    void aUseDpopNonceAnswerIsRetriedOnceWithTheNonceWhichIsThenSentUpFront() throws Exception {
        helseId.requiredNonce = "n-1";
        HelseIdTokens tokens = client(true);
        AccessToken token = tokens.systemToken(ALTA, SCOPE);

        assertThat(token.value()).isEqualTo("token-1");
        assertThat(helseId.received).hasSize(2);
        assertThat(jwtPart(helseId.received.get(0).dpop(), 1).has("nonce")).isFalse();
        assertThat(jwtPart(helseId.received.get(1).dpop(), 1).path("nonce").asText()).isEqualTo("n-1");
        assertThat(helseId.received.get(1).assertionClaims().path("jti").asText())
                .as("a fresh assertion for the retry").isNotEqualTo(helseId.received.get(0).assertionClaims().path("jti").asText());

        tokens.invalidate(ALTA, SCOPE);
        tokens.systemToken(ALTA, SCOPE);
        assertThat(helseId.received).hasSize(3);
        assertThat(jwtPart(helseId.received.get(2).dpop(), 1).path("nonce").asText()).isEqualTo("n-1");
    }

    @Test
    void theTokenEndpointsNonceIsNotSentToAnApiOnTheSameHost() throws Exception {
        helseId.requiredNonce = "helseid-nonce";
        HelseIdTokens tokens = client(true);
        AccessToken token = tokens.systemToken(ALTA, SCOPE);
        String api = helseId.tokenUrl().replace("/connect/token", "/v1/helseindikator");

        assertThat(jwtPart(tokens.authorize(ALTA, token, "POST", api, null).get("DPoP"), 1).has("nonce")).isFalse();
        tokens.rememberNonce(api, "api-nonce");
        assertThat(jwtPart(tokens.authorize(ALTA, token, "POST", api, null).get("DPoP"), 1).path("nonce").asText())
                .isEqualTo("api-nonce");
    }

    @Test
    void aNonceDemandedAgainAfterTheRetryIsAFailureNotALoop() {
        helseId.rotateNonce = true;
        assertThatThrownBy(() -> client(true).systemToken(ALTA, SCOPE))
                .isInstanceOf(KjernejournalException.class).hasMessageContaining("use_dpop_nonce");
        assertThat(helseId.received).hasSize(2);
    }

    @Test
    void aBearerAnswerToADpopRequestIsUsedAsBearer() throws Exception {
        helseId.tokenType = "Bearer";
        HelseIdTokens tokens = client(true);
        AccessToken token = tokens.systemToken(ALTA, SCOPE);
        assertThat(helseId.received.get(0).dpop()).isNotNull();
        assertThat(token.dpop()).isFalse();
        assertThat(tokens.authorize(ALTA, token, "POST", "http://localhost:8190/v1/helseindikator", null))
                .containsExactly(Map.entry("Authorization", "Bearer " + token.value()));
    }

    @Test
    void dpopCanBeSwitchedOffGloballyAndOnPerTenant() throws Exception {
        client(false).systemToken(ALTA, SCOPE);
        assertThat(helseId.received.get(0).dpop()).isNull();

        Tenant altaWithDpop = new Tenant(ALTA.kommunenummer(), ALTA.orgnr(), ALTA.name(), true, ALTA.adapters(),
                new TenantHelseId(TenantHelseId.Mode.SINGLE, ALTA.helseIdClientId(), ALTA.helseId().key(), null, true),
                ALTA.credentialHashes(), ALTA.policy());
        client(false).systemToken(altaWithDpop, SCOPE);
        assertThat(helseId.received.get(1).dpop()).isNotNull();
    }

    @Test
    void eachClientHasItsOwnDpopKeyKeptAcrossFetches() throws Exception {
        HelseIdTokens tokens = multiClient();
        tokens.systemToken(ALTA, SCOPE);
        tokens.invalidate(ALTA, SCOPE);
        tokens.systemToken(ALTA, SCOPE);
        tokens.systemToken(HARSTAD, SCOPE);
        tokens.systemToken(LYNGEN, SCOPE);
        Set<JsonNode> altaKeys = new HashSet<>();
        Set<JsonNode> multiKeys = new HashSet<>();
        for (FakeHelseId.Received r : helseId.received) {
            JsonNode jwk = jwtPart(r.dpop(), 0).path("jwk");
            (r.form().get("client_id").equals("kjernebro-5601") ? altaKeys : multiKeys).add(jwk);
        }
        assertThat(altaKeys).hasSize(1);
        assertThat(multiKeys).hasSize(1);
        assertThat(altaKeys).doesNotContainAnyElementsOf(multiKeys);
    }

    @Test
    void invalidateMakesTheNextCallFetch() throws Exception {
        HelseIdTokens tokens = client(true);
        tokens.systemToken(ALTA, SCOPE);
        tokens.invalidate(ALTA, null);
        assertThat(tokens.systemToken(ALTA, SCOPE).value()).isEqualTo("token-2");
    }

    /**
     * The measurement for the issue: 1,000 lookups spread evenly over one hour for three municipalities,
     * HelseID's 600 s tokens and a 60 s refresh margin.
     */
    @Test
    void tokenFetchesPerThousandLookups() throws Exception {
        HelseIdTokens tokens = multiClient();
        Tenant[] tenants = {ALTA, HARSTAD, LYNGEN};
        for (int i = 0; i < 1000; i++) {
            tokens.systemToken(tenants[i % 3], SCOPE);
            clock.advance(Duration.ofMillis(3600));
        }
        long fetches = tokens.tokenRequests();
        System.out.println("MEASURE token fetches per 1000 lookups (3 tenants, 1 h, 600 s tokens, 60 s margin): " + fetches);
        // each municipality renews every 540 s: 7 fetches in an hour (at 0, 540, ..., 3240 s)
        assertThat(fetches).isEqualTo(21);
    }

    private static boolean verifiesWithItsJwk(String proof) throws Exception {
        String[] parts = proof.split("\\.");
        JsonNode header = jwtPart(proof, 0);
        Signature v = Signature.getInstance("RS256".equals(header.path("alg").asText()) ? "SHA256withRSA"
                : "SHA256withECDSAinP1363Format");
        v.initVerify(Jwk.publicKey(header.path("jwk")));
        v.update((parts[0] + "." + parts[1]).getBytes());
        return v.verify(Jose.fromBase64Url(parts[2]));
    }
}
