package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.kjernebro.api.lookup.AccessBasis;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.core.internal.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One test per fault mode: the error code the lookup ends with, and that the client recovers once the
 * fault is gone. Waits go through the test clock's sleeper, so nothing here depends on timing.
 */
class KjernejournalFaultModesTest {

    private static final String OK_HI = Samples.sample("helseindikator.json").toString();
    private Harness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private static FakeNhn.Reply status(int code) {
        return FakeNhn.Reply.json(code, "{\"error\":\"x\"}");
    }

    @Test
    void aHelseindikatorThatNeverAnswersTimesOutAndIsNotRetried() throws Exception {
        h = Harness.start(Map.of("helseindikator.responseTimeoutMs", "300"));
        h.nhn.reply(Harness.HI, FakeNhn.Reply.hang());
        assertThat(h.fails(ErrorCode.KJERNEJOURNAL_UNAVAILABLE).getMessage()).contains("300 ms");
        assertThat(h.nhn.seen(Harness.HI)).hasSize(1);
        assertThat(h.clock.sleeps).isEmpty();
    }

    @Test
    void aReadThatNeverCompletesIsRetriedForGetsThenUnavailable() throws Exception {
        h = Harness.start(Map.of("fhir.responseTimeoutMs", "300"));
        h.nhn.reply(Harness.EVERYTHING, FakeNhn.Reply.hang());
        h.fails(ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
        assertThat(h.nhn.seen(Harness.EVERYTHING)).hasSize(3);
        // full jitter fixed at one half: 100 ms, then 200 ms
        assertThat(h.clock.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void aServerErrorOnAGetIsRetriedWithBackoffAndRecovers() throws Exception {
        h = Harness.start();
        h.nhn.then(Harness.EVERYTHING, status(503), status(502));
        PatientSummary s = h.fetch();
        assertThat(s.kritiskInformasjon()).hasSize(3);
        assertThat(h.nhn.seen(Harness.EVERYTHING)).hasSize(3);
        assertThat(h.clock.sleeps).hasSize(2);
    }

    @Test
    void aServerErrorOnAPostIsNotRetried() throws Exception {
        h = Harness.start();
        h.nhn.then(Harness.HI, status(503));
        h.fails(ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
        assertThat(h.nhn.seen(Harness.HI)).hasSize(1);
        assertThat(h.fetch().helseindikator().status()).as("recovered").isEqualTo(4);
    }

    @Test
    void aServerErrorThatPersistsIsUnavailableAfterTheConfiguredAttempts() throws Exception {
        h = Harness.start(Map.of("fhir.maxAttempts", "2"));
        h.nhn.reply(Harness.EVERYTHING, status(500));
        assertThat(h.fails(ErrorCode.KJERNEJOURNAL_UNAVAILABLE).getMessage()).contains("after 2 attempts");
        assertThat(h.nhn.seen(Harness.EVERYTHING)).hasSize(2);
    }

    @Test
    void retriesStopAtTheLookupDeadline() throws Exception {
        h = Harness.start(Map.of("lookupDeadlineMs", "3000", "retry.baseDelayMs", "2000", "retry.maxDelayMs", "10000"));
        h.nhn.reply(Harness.EVERYTHING, status(503));
        h.fails(ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
        // the first backoff (1 s) fits in the 3 s deadline, the second (2 s) not in the 2 s left
        assertThat(h.nhn.seen(Harness.EVERYTHING)).hasSize(2);
        assertThat(h.clock.sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void tooManyRequestsOnAGetWaitsForRetryAfterThenRetries() throws Exception {
        h = Harness.start();
        h.nhn.then(Harness.EVERYTHING, status(429).header("Retry-After", "3"));
        assertThat(h.fetch().kritiskInformasjon()).hasSize(3);
        assertThat(h.clock.sleeps).containsExactly(Duration.ofSeconds(3));
        assertThat(h.client.statistics().rateLimited.get()).isEqualTo(1);
    }

    @Test
    void tooManyRequestsWithAnHttpDateIsHonoured() throws Exception {
        h = Harness.start();
        h.nhn.then(Harness.LEGEMIDLER, status(429).header("Retry-After", "Thu, 26 Nov 2026 08:00:04 GMT"));
        h.fetch();
        assertThat(h.clock.sleeps).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void tooManyRequestsBeyondTheDeadlineIsNotWaitedFor() throws Exception {
        h = Harness.start();
        h.nhn.then(Harness.EVERYTHING, status(429).header("Retry-After", "60"));
        h.fails(ErrorCode.TOO_MANY_REQUESTS);
        assertThat(h.clock.sleeps).isEmpty();
        assertThat(h.nhn.seen(Harness.EVERYTHING)).hasSize(1);
    }

    @Test
    void tooManyRequestsOnHelseindikatorCoolsThatTenantDownUntilRetryAfter() throws Exception {
        h = Harness.start(Map.of("ticket.reuseSeconds", "0"));
        h.nhn.then(Harness.HI, status(429).header("Retry-After", "30"));
        h.fails(ErrorCode.TOO_MANY_REQUESTS);
        h.fails(ErrorCode.TOO_MANY_REQUESTS);
        assertThat(h.nhn.seen(Harness.HI)).as("no call during the cool-down").hasSize(1);
        // another municipality is not held back
        h.client.fetch(Harness.request(TestTenants.lyngenDisabled(), Set.of(Section.PERSONALIA),
                AccessBasis.HPMOTTATTSAMTYKKE, Samtykker.INGEN));
        h.clock.advance(Duration.ofSeconds(30));
        assertThat(h.fetch().helseindikator().status()).isEqualTo(4);
    }

    @Test
    void malformedJsonIsRejected() throws Exception {
        h = Harness.start();
        h.nhn.answer(Harness.HI, 200, "{\"status\":4,");
        assertThat(h.fails(ErrorCode.KJERNEJOURNAL_REJECTED).getMessage()).contains("not JSON");
    }

    @Test
    void missingFieldsAreRejected() throws Exception {
        h = Harness.start();
        h.nhn.answer(Harness.HI, 200, "{\"returTekst\":\"?\"}");
        h.fails(ErrorCode.KJERNEJOURNAL_REJECTED);
        h.nhn.answer(Harness.HI, 200, OK_HI).answer(Harness.LEGEMIDLER, 200, "{\"lasteResepterSkjult\":false}");
        h.fails(ErrorCode.KJERNEJOURNAL_REJECTED);
    }

    @Test
    void anUnknownHelseindikatorStatusIsRejected() throws Exception {
        h = Harness.start();
        h.nhn.answer(Harness.HI, 200, "{\"status\":7,\"ticket\":\"t\"}");
        assertThat(h.fails(ErrorCode.KJERNEJOURNAL_REJECTED).getMessage()).contains("status 7");
        assertThat(h.nhn.seen(Harness.EVERYTHING)).isEmpty();
    }

    @Test
    void anHtmlErrorPageIsRejectedOrUnavailableByItsStatus() throws Exception {
        h = Harness.start();
        h.nhn.reply(Harness.EVERYTHING, FakeNhn.Reply.of(200, "text/html", "<html><body>Login</body></html>"));
        assertThat(h.fails(ErrorCode.KJERNEJOURNAL_REJECTED).getMessage()).contains("HTML");
        h.nhn.reply(Harness.EVERYTHING, FakeNhn.Reply.of(502, "text/html", "<html>Bad gateway</html>"));
        h.fails(ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
    }

    @Test
    void anOversizedAnswerIsNotReadNorRetried() throws Exception {
        h = Harness.start(Map.of("fhir.maxResponseBytes", "4096"));
        String big = "{\"resourceType\":\"Bundle\",\"pad\":\"" + "x".repeat(50_000) + "\"}";
        h.nhn.reply(Harness.EVERYTHING, FakeNhn.Reply.json(200, big));
        assertThat(h.fails(ErrorCode.KJERNEJOURNAL_REJECTED).getMessage()).contains("larger than 4096");
        h.nhn.reply(Harness.EVERYTHING, FakeNhn.Reply.json(200, big).chunked());
        h.fails(ErrorCode.KJERNEJOURNAL_REJECTED);
        assertThat(h.nhn.seen(Harness.EVERYTHING)).hasSize(2);
        assertThat(h.client.resilience().breaker(Upstream.FHIR).state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theBreakerTripsFailsFastAndRecoversThroughProbes() throws Exception {
        h = Harness.start(Map.of("ticket.reuseSeconds", "0"));
        h.nhn.reply(Harness.HI, status(503));
        for (int i = 0; i < 5; i++) {
            h.fails(ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
        }
        CircuitBreaker breaker = h.client.resilience().breaker(Upstream.HELSEINDIKATOR);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(h.fails(ErrorCode.KJERNEJOURNAL_UNAVAILABLE).getMessage()).contains("circuit breaker open");
        assertThat(h.nhn.seen(Harness.HI)).as("failing fast").hasSize(5);
        // the other APIs are not affected
        assertThat(h.client.resilience().breaker(Upstream.FHIR).state()).isEqualTo(CircuitBreaker.State.CLOSED);

        h.nhn.answer(Harness.HI, 200, OK_HI);
        h.clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        h.fetch();
        h.fetch();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(h.nhn.seen(Harness.HI)).hasSize(7);
    }

    @Test
    void aFullBulkheadRefusesThatMunicipalityButNotOthers() throws Exception {
        h = Harness.start(Map.of("bulkhead.maxConcurrentPerTenant", "1", "bulkhead.maxWaitMs", "0"));
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        h.nhn.then(Harness.EVERYTHING, FakeNhn.Reply.json(200, Samples.sample("everything.json").toString())
                .blocking(arrived, release));
        CompletableFuture<PatientSummary> first = CompletableFuture.supplyAsync(() -> {
            try {
                return h.client.fetch(Harness.request(Set.of(Section.PERSONALIA)));
            } catch (KjernejournalException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();

        h.fails(Harness.request(Set.of(Section.PERSONALIA)), ErrorCode.TOO_MANY_REQUESTS);
        PatientSummary other = h.client.fetch(Harness.request(TestTenants.lyngenDisabled(), Set.of(Section.PERSONALIA),
                AccessBasis.HPMOTTATTSAMTYKKE, Samtykker.INGEN));
        assertThat(other.personalia()).isNotNull();

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).personalia().familyName()).isEqualTo("Testesen");
        assertThat(h.client.resilience().bulkhead().inFlight("5601")).isZero();
    }

    @Test
    void theDpopNonceIsFetchedOnceAndThenRemembered() throws Exception {
        h = Harness.start(Map.of("ticket.reuseSeconds", "0"));
        h.helseId.dpop = true;
        h.nhn.then(Harness.HI, status(401).header("WWW-Authenticate", "DPoP error=\"use_dpop_nonce\"")
                .header("DPoP-Nonce", "n-1"));
        h.fetch();
        h.fetch();
        String url = h.nhn.baseUrl() + Harness.HI;
        assertThat(h.helseId.proofs).containsExactly("proof POST " + url, "proof POST " + url + " nonce=n-1",
                "proof POST " + url + " nonce=n-1");
        assertThat(h.nhn.seen(Harness.HI).get(1).header("DPoP")).endsWith("nonce=n-1");
        assertThat(h.helseId.invalidations.get()).isZero();
    }

    @Test
    void aRefusedSystemTokenIsInvalidatedAndRenewedOnce() throws Exception {
        h = Harness.start();
        h.nhn.then(Harness.HI, status(401).header("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        h.fetch();
        assertThat(h.helseId.invalidations.get()).isEqualTo(1);
        assertThat(h.nhn.seen(Harness.HI)).extracting(s -> s.header("Authorization"))
                .containsExactly("Bearer system-5601-1", "Bearer system-5601-2");

        h.nhn.answer(Harness.HI, 401, "{\"error\":\"invalid_token\"}");
        h.clock.advance(Duration.ofMinutes(5));
        assertThat(h.fails(ErrorCode.KJERNEJOURNAL_REJECTED).getMessage()).contains("system token");
    }

    @Test
    void aRefusedUserTokenIsReportedAsSuch() throws Exception {
        h = Harness.start();
        h.nhn.answer(Harness.EVERYTHING, 401, "{\"error\":\"invalid_token\"}");
        h.fails(ErrorCode.USER_TOKEN_INVALID);
        assertThat(h.nhn.seen(Harness.EVERYTHING)).hasSize(1);
    }

    @Test
    void helseIdDownOpensTheTenantsTokenBreaker() throws Exception {
        h = Harness.start(Map.of("ticket.reuseSeconds", "0"));
        h.helseId.failure = new KjernejournalException(ErrorCode.KJERNEJOURNAL_UNAVAILABLE, "HelseID: connection refused");
        for (int i = 0; i < 5; i++) {
            h.fails(ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
        }
        assertThat(h.fails(ErrorCode.KJERNEJOURNAL_UNAVAILABLE).getMessage()).contains("circuit breaker of tenant 5601");
        assertThat(h.helseId.tokenRequests.get()).as("failing fast").isEqualTo(5);
        assertThat(h.nhn.seen(Harness.HI)).isEmpty();
        // another municipality's token requests still go to HelseID (its client and key are its own)
        h.fails(Harness.request(TestTenants.lyngenDisabled(), Set.of(Section.PERSONALIA), AccessBasis.HPMOTTATTSAMTYKKE,
                Samtykker.INGEN), ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
        assertThat(h.helseId.tokenRequests.get()).isEqualTo(6);

        h.helseId.failure = null;
        h.clock.advance(Duration.ofSeconds(30));
        assertThat(h.fetch().helseindikator().status()).isEqualTo(4);
    }

    @Test
    void legemiddelvarslingFaultsMapToTheSameCodes() throws Exception {
        h = Harness.start();
        List<PasientSjekk> one = List.of(new PasientSjekk(Harness.FNR, null));
        h.nhn.then(Harness.VARSLING, status(429).header("Retry-After", "10"), status(503),
                FakeNhn.Reply.of(200, "text/html", "<html/>"));
        for (ErrorCode code : new ErrorCode[] {ErrorCode.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_REQUESTS}) {
            try {
                h.client.sjekk(TestTenants.alta(), one, "x", null);
                throw new AssertionError("expected " + code);
            } catch (KjernejournalException e) {
                assertThat(e.error()).isEqualTo(code);
            }
        }
        h.clock.advance(Duration.ofSeconds(10));
        for (ErrorCode code : new ErrorCode[] {ErrorCode.KJERNEJOURNAL_UNAVAILABLE, ErrorCode.KJERNEJOURNAL_REJECTED}) {
            try {
                h.client.sjekk(TestTenants.alta(), one, "x", null);
                throw new AssertionError("expected " + code);
            } catch (KjernejournalException e) {
                assertThat(e.error()).isEqualTo(code);
                assertThat(e.getMessage()).doesNotContain(Harness.FNR);
            }
        }
        assertThat(h.nhn.seen(Harness.VARSLING)).hasSize(3);
    }
}
