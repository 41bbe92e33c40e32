package no.kjernebro.adapterkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.LookupRequest;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Merknad;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every adapter owes core and the EPJ, as inherited JUnit 5 tests. An adapter's test class
 * extends this and returns its {@link AdapterUnderTest}; each test then runs the adapter's real routes in
 * a fresh {@link CamelHarness} against a {@link RecordingLookupService} and speaks the adapter's dialect
 * over its real transport.
 *
 * <p>What is checked: a valid lookup reaches core exactly once, translated right, and the answer carries
 * the data; credential and municipality are passed on for core to judge, and core's refusal rendered;
 * every error the adapter finds itself is handed to core as one rejection with the right code (and the
 * patient, where the message named one, so core can audit) and never becomes a lookup; hostile input is
 * refused without expansion; outcomes from core are rendered with core's code (also USER_TOKEN_INVALID and
 * TOO_MANY_REQUESTS with their HTTP statuses); an incomplete summary is said to be incomplete, with its
 * merknader but without their raw content; the patient's additional consents reach core as sent, and a
 * malformed one is rejected like any other malformed field; no answer shows a
 * credential or token, no error answer the identity number, no answer a stack trace; and the routes can
 * be swapped for a new instance under load with every request answered cleanly.
 */
public abstract class AdapterConformanceTest {

    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");
    private static final Set<String> REFUSALS_OF_HOSTILE_INPUT =
            Set.of(ErrorCode.MALFORMED_MESSAGE.name(), ErrorCode.INVALID_REQUEST.name());
    private static final int SWAP_SUCCESSES = 3;

    @TempDir
    Path tempDir;

    /** Core, as the adapter sees it; tests may change its answers. */
    protected RecordingLookupService core;
    protected AdapterEnvironment environment;
    protected AdapterUnderTest adapter;
    protected CamelHarness harness;
    private RoutesBuilder routes;

    /** The adapter's description, for the environment the harness set up. */
    protected abstract AdapterUnderTest adapterUnderTest(AdapterEnvironment environment);

    @BeforeEach
    final void startAdapterUnderTest() throws Exception {
        Path workDir = Files.createDirectories(tempDir.resolve("adapter"));
        environment = new AdapterEnvironment("localhost", freePort(), workDir);
        core = new RecordingLookupService();
        adapter = adapterUnderTest(environment);
        routes = adapter.routes(core);
        harness = CamelHarness.start(environment, routes);
    }

    @AfterEach
    final void stopAdapterUnderTest() {
        if (harness != null) {
            harness.close();
            adapter.discard(routes);
        }
    }

    @Test
    void routeIdsArePrefixedWithTheAdapterId() {
        assertThat(harness.adapterRouteIds()).isNotEmpty()
                .allSatisfy(id -> assertThat(id).startsWith(adapter.adapterId() + "-"));
    }

    @Test
    void validLookupReachesCoreOnceAndTheAnswerCarriesTheSummary() throws Exception {
        Answer answer = adapter.send(LookupInput.valid(Demo.PATIENT));

        RecordingLookupService.Call call = core.onlyCall();
        assertThat(call.isLookup()).as("a valid message is a lookup, not a rejection: %s", call).isTrue();
        LookupRequest request = call.request();
        assertThat(request.requester().kommunenummer()).isEqualTo(Demo.KOMMUNENUMMER);
        assertThat(request.patientId()).isEqualTo(Demo.PATIENT);
        assertThat(request.adapterId()).isEqualTo(adapter.adapterId());
        assertThat(request.userToken()).isEqualTo(Demo.USER_TOKEN);
        assertThat(call.credential()).as("the EPJ's credential, passed on for core to check").isNotNull();
        assertThat(call.credential().secret()).isEqualTo(Demo.API_KEY);
        assertThat(request.samtykker()).as("no additional consent unless the message gives one")
                .isEqualTo(Samtykker.INGEN);
        assertSuccessWithData(answer, call.answered());
        assertThat(adapter.saysComplete(answer)).as("a summary without merknader is said to be complete").isTrue();
        assertClean(answer);
    }

    /**
     * A summary with merknader (a module left out, an unknown code or resource type) is never presented as
     * complete: the answer says it is incomplete and carries each merknad's code, text and resource type,
     * but never the raw upstream content, which may hold data of sections the policy did not grant.
     */
    @Test
    void incompleteSummaryIsRenderedAsIncompleteWithItsMerknader() throws Exception {
        core.answerWithIncompleteSummary();

        Answer answer = adapter.send(LookupInput.valid(Demo.PATIENT));

        LookupOutcome outcome = core.onlyCall().answered();
        List<Merknad> merknader = outcome.summary().merknader();
        assertThat(merknader).as("the kit's incomplete summary keeps merknader for the granted sections").isNotEmpty();
        assertSuccessWithData(answer, outcome);
        assertThat(adapter.saysComplete(answer)).as("a summary with merknader is said to be incomplete").isFalse();
        for (Merknad merknad : merknader) {
            assertThat(answer.text()).as("merknad %s in the answer", merknad.kode())
                    .contains(merknad.kode()).contains(merknad.tekst());
            if (merknad.ressurstype() != null) {
                assertThat(answer.text()).as("resource type of merknad %s", merknad.kode()).contains(merknad.ressurstype());
            }
        }
        assertThat(answer.transcript()).as("raw upstream content (Merknad.innhold) is never passed on")
                .doesNotContain(SyntheticSummaries.MERKNAD_INNHOLD);
        assertClean(answer);
    }

    /** Each additional consent reaches core as given, one at a time and all together; all false is no consent. */
    @TestFactory
    Stream<DynamicTest> samtykkerArePassedOnToCore() {
        return Stream.of(new Samtykker(true, false, false), new Samtykker(false, true, false),
                new Samtykker(false, false, true), new Samtykker(true, true, true), Samtykker.INGEN)
                .map(samtykker -> DynamicTest.dynamicTest(samtykker.toString(), () -> {
                    core.clear();

                    Answer answer = adapter.sendWithSamtykker(LookupInput.valid(Demo.PATIENT), samtykker);

                    RecordingLookupService.Call call = core.onlyCall();
                    assertThat(call.isLookup()).as("consents are part of a valid lookup: %s", call).isTrue();
                    assertThat(call.request().samtykker()).isEqualTo(samtykker);
                    assertThat(call.request().patientId()).isEqualTo(Demo.PATIENT);
                    assertSuccessWithData(answer, call.answered());
                    assertClean(answer);
                }));
    }

    @Test
    void nonBooleanSamtykkeIsRejectedThroughCoreNamingThePatient() throws Exception {
        Answer answer = adapter.sendInvalidSamtykke(Demo.PATIENT);

        RecordingLookupService.Call rejection = onlyRejection(adapter.invalidSamtykkeError());
        assertThat(rejection.patientId()).as("the patient the message named, so core can audit").isEqualTo(Demo.PATIENT);
        assertThat(rejection.kommunenummer()).isEqualTo(Demo.KOMMUNENUMMER);
        assertThat(rejection.credential()).isNotNull();
        assertThat(rejection.credential().secret()).isEqualTo(Demo.API_KEY);
        assertRefusal(answer, adapter.invalidSamtykkeError());
        assertThat(answer.status()).as("a malformed field is a client error").isIn(0, 400);
    }

    @Test
    void invalidUserTokenIsRenderedWithCoresCode() throws Exception {
        core.answerWithRefusal(ErrorCode.USER_TOKEN_INVALID, "the user token has expired");

        Answer answer = adapter.send(LookupInput.valid(Demo.PATIENT));

        assertThat(core.onlyCall().isLookup()).isTrue();
        assertRefusal(answer, ErrorCode.USER_TOKEN_INVALID);
        assertThat(answer.status()).isIn(0, 401);
    }

    /**
     * 429 whether core refused before fetching (the municipality's bulkhead is full) or failed after
     * (kjernejournal rate-limited). LookupOutcome carries no retry time, so a Retry-After header is
     * allowed only as a well-formed delay the adapter has of its own.
     */
    @TestFactory
    Stream<DynamicTest> tooManyRequestsIsRenderedWithCoresCode() {
        return Stream.of(true, false).map(refused -> DynamicTest.dynamicTest(refused ? "refused" : "failed", () -> {
            core.clear();
            core.answerTooManyRequests(refused);

            Answer answer = adapter.send(LookupInput.valid(Demo.PATIENT));

            assertThat(core.onlyCall().isLookup()).isTrue();
            assertRefusal(answer, ErrorCode.TOO_MANY_REQUESTS);
            assertThat(answer.status()).isIn(0, 429);
            answer.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Retry-After"))
                    .flatMap(h -> h.getValue().stream())
                    .forEach(value -> assertThat(value).as("Retry-After as delay-seconds").matches("[1-9][0-9]{0,5}"));
        }));
    }

    @Test
    void missingCredentialIsLeftToCoreAndItsRefusalRendered() throws Exception {
        Answer answer = adapter.send(LookupInput.valid(Demo.PATIENT).withCredential(null));

        RecordingLookupService.Call call = core.onlyCall();
        assertThat(call.credential()).isNull();
        assertThat(call.patientId()).isEqualTo(Demo.PATIENT);
        assertRefusal(answer, ErrorCode.MISSING_CREDENTIAL);
    }

    @Test
    void wrongCredentialIsPassedOnAsPresentedAndCoresRefusalRendered() throws Exception {
        Answer answer = adapter.send(LookupInput.valid(Demo.PATIENT).withCredential(Demo.WRONG_API_KEY));

        RecordingLookupService.Call call = core.onlyCall();
        assertThat(call.credential()).isNotNull();
        assertThat(call.credential().secret()).isEqualTo(Demo.WRONG_API_KEY);
        assertThat(call.patientId()).as("named, so core audits the attempt").isEqualTo(Demo.PATIENT);
        assertRefusal(answer, ErrorCode.BAD_CREDENTIAL);
    }

    @Test
    void unknownMunicipalityIsPassedOnAndCoresRefusalRendered() throws Exception {
        Answer answer = adapter.send(LookupInput.valid(Demo.PATIENT).withKommunenummer(Demo.UNKNOWN_KOMMUNENUMMER));

        RecordingLookupService.Call call = core.onlyCall();
        assertThat(call.kommunenummer()).isEqualTo(Demo.UNKNOWN_KOMMUNENUMMER);
        assertThat(call.patientId()).isEqualTo(Demo.PATIENT);
        assertRefusal(answer, ErrorCode.UNKNOWN_TENANT);
    }

    @Test
    void invalidCodeIsRejectedThroughCoreNamingThePatient() throws Exception {
        Answer answer = adapter.sendInvalidCode(Demo.PATIENT);

        RecordingLookupService.Call rejection = onlyRejection(adapter.invalidCodeError());
        assertThat(rejection.patientId()).as("the patient the message named, so core can audit").isEqualTo(Demo.PATIENT);
        assertThat(rejection.kommunenummer()).isEqualTo(Demo.KOMMUNENUMMER);
        assertThat(rejection.credential()).isNotNull();
        assertThat(rejection.credential().secret()).isEqualTo(Demo.API_KEY);
        assertRefusal(answer, adapter.invalidCodeError());
    }

    @Test
    void malformedMessageIsRejectedThroughCoreWithoutALookup() throws Exception {
        Answer answer = adapter.sendMalformed();

        RecordingLookupService.Call rejection = onlyRejection(ErrorCode.MALFORMED_MESSAGE);
        assertRejectionRendered(answer, rejection);
    }

    @Test
    void oversizedMessageIsPayloadTooLarge() throws Exception {
        Answer answer = adapter.sendOversized();

        RecordingLookupService.Call rejection = onlyRejection(ErrorCode.PAYLOAD_TOO_LARGE);
        assertRejectionRendered(answer, rejection);
    }

    @TestFactory
    Stream<DynamicTest> hostileInputIsRefusedWithoutExpansionOrLookup() throws IOException {
        Path secret = Files.writeString(tempDir.resolve("secret.txt"), Demo.CANARY);
        return Hostility.of(adapter.dialect()).stream().map(hostility -> DynamicTest.dynamicTest(hostility.name(), () -> {
            core.clear();

            Answer answer = adapter.sendHostile(hostility, secret);

            assertThat(core.lookups()).as("no lookup for hostile input").isEmpty();
            assertThat(core.rejections()).as("one rejection").hasSize(1);
            RecordingLookupService.Call rejection = core.rejections().get(0);
            assertThat(rejection.rejected().error().name()).isIn(REFUSALS_OF_HOSTILE_INPUT);
            assertThat(rejection.rejected().adapterId()).isEqualTo(adapter.adapterId());
            assertThat(String.valueOf(rejection.rejected().message())).doesNotContain(Demo.CANARY).doesNotContain("lollol");
            assertThat(answer.transcript()).doesNotContain(Demo.CANARY).doesNotContain("lollol");
            assertRejectionRendered(answer, rejection);
        }));
    }

    @Test
    void refusalByCoreIsRenderedWithCoresCodeAndWithoutTheIdentityNumber() throws Exception {
        // core's messages may quote the request: the adapter masks what it renders
        core.answerWithRefusal(ErrorCode.ACCESS_BASIS_NOT_ALLOWED, "HPAKUTT is not allowed here for " + Demo.PATIENT);

        Answer answer = adapter.send(LookupInput.valid(Demo.PATIENT));

        assertThat(core.onlyCall().isLookup()).isTrue();
        assertRefusal(answer, ErrorCode.ACCESS_BASIS_NOT_ALLOWED);
    }

    @Test
    void unavailableKjernejournalIsRenderedWithCoresCode() throws Exception {
        core.answerUnavailable();

        Answer answer = adapter.send(LookupInput.valid(Demo.PATIENT));

        assertThat(core.onlyCall().isLookup()).isTrue();
        assertRefusal(answer, ErrorCode.KJERNEJOURNAL_UNAVAILABLE);
    }

    @Test
    void unavailableAuditLogIsRenderedWithCoresCode() throws Exception {
        core.answerAuditUnavailable();

        Answer answer = adapter.send(LookupInput.valid(Demo.PATIENT));

        assertThat(core.onlyCall().isLookup()).isTrue();
        assertRefusal(answer, ErrorCode.AUDIT_UNAVAILABLE);
    }

    @Test
    void failureInsideCoreIsAnInternalErrorWithoutDetails() throws Exception {
        core.answerWith(r -> {
            throw new IllegalStateException("kit-failure-detail for " + r.patientId());
        });

        Answer answer = adapter.send(LookupInput.valid(Demo.PATIENT));

        assertRefusal(answer, ErrorCode.INTERNAL_ERROR);
        assertThat(answer.transcript()).doesNotContain("kit-failure-detail").doesNotContain("IllegalStateException");
    }

    /**
     * Hot swap: while a client sends valid lookups one after another, the adapter's routes are stopped and
     * removed, and a new instance of its routes is added. Every request must get a success or a clean
     * error (never an internal error or a garbled answer); while no route serves the adapter a
     * connection-level failure or the server's own "not found" is possible and reported; successes resume.
     */
    @Test
    void hotSwapUnderLoadAnswersEveryRequestCleanly() throws Exception {
        SwapLoad load = new SwapLoad(() -> adapter.send(LookupInput.valid(Demo.PATIENT)));
        long swapNanos;
        int afterSwap;
        try {
            Awaits.until("first successes before the swap", () -> load.successesFrom(0) >= SWAP_SUCCESSES);
            long started = System.nanoTime();
            harness.remove();
            adapter.discard(routes);
            routes = adapter.routes(core);
            harness.add(routes);
            swapNanos = System.nanoTime() - started;
            afterSwap = load.size();
            Awaits.until("successes after the swap", () -> load.successesFrom(afterSwap) >= SWAP_SUCCESSES);
        } finally {
            load.close();
        }

        List<SwapLoad.Result> results = load.results();
        long successes = results.stream().filter(r -> r.answer() != null && r.answer().success()).count();
        long errors = results.stream().filter(r -> r.answer() != null && r.answer().errorCode() != null).count();
        long absent = results.stream().filter(r -> r.answer() != null && !r.answer().recognised()).count();
        long connection = results.stream().filter(SwapLoad.Result::connectionFailure).count();
        System.out.printf("[conformance] %s hot swap: %d requests, %d succeeded, %d error answers, %d 'not found'"
                        + " answers while absent, %d connection-level failures; routes swapped in %d ms%n",
                adapter.adapterId(), results.size(), successes, errors, absent, connection, swapNanos / 1_000_000);

        for (SwapLoad.Result result : results) {
            if (result.failure() != null && !result.connectionFailure()) {
                fail("a request got no answer during the hot swap", result.failure());
            }
            if (result.answer() == null) {
                continue;
            }
            Answer answer = result.answer();
            assertThat(answer.errorCode()).as("no internal error during the swap: %s", answer)
                    .isNotEqualTo(ErrorCode.INTERNAL_ERROR.name());
            if (!answer.recognised()) {
                assertThat(answer.status()).as("only an absent route may give a non-dialect answer: %s %s", answer,
                                answer.text().length() > 600 ? answer.text().substring(0, 600) : answer.text())
                        .isIn(404, 503);
            }
            assertClean(answer);
        }
        assertThat(results.subList(afterSwap, results.size()))
                .as("successes resume on the new routes").anyMatch(r -> r.answer() != null && r.answer().success());
        assertThat((long) core.lookups().size()).as("every success came from core").isGreaterThanOrEqualTo(successes);
    }

    // --- checks shared by the tests ---

    /** The one call, a rejection with {@code expected}, and no lookup. */
    protected final RecordingLookupService.Call onlyRejection(ErrorCode expected) {
        RecordingLookupService.Call call = core.onlyCall();
        assertThat(call.isLookup()).as("the adapter must reject, not look up: %s", call).isFalse();
        assertThat(call.rejected().error()).isEqualTo(expected);
        assertThat(call.rejected().adapterId()).isEqualTo(adapter.adapterId());
        return call;
    }

    /**
     * An error answer for a rejection: the adapter's own code, or the code core answered the rejection with
     * (core lets a missing or wrong credential, or an unknown municipality, take precedence).
     */
    protected final void assertRejectionRendered(Answer answer, RecordingLookupService.Call rejection) {
        assertThat(answer.success()).as("%s", answer).isFalse();
        assertThat(answer.errorCode()).as("an error document of the dialect: %s", answer).isNotNull()
                .isIn(rejection.rejected().error().name(), rejection.answered().error().name());
        assertClean(answer);
    }

    /** An error answer with exactly this code. */
    protected final void assertRefusal(Answer answer, ErrorCode expected) {
        assertThat(answer.success()).as("%s", answer).isFalse();
        assertThat(answer.errorCode()).as("%s", answer).isEqualTo(expected.name());
        assertClean(answer);
    }

    /** Success, with data of each granted section. */
    protected final void assertSuccessWithData(Answer answer, LookupOutcome outcome) {
        assertThat(answer.success()).as("%s: %s", answer, answer.text()).isTrue();
        Set<Section> granted = outcome.sections().isEmpty() ? EnumSet.noneOf(Section.class) : outcome.sections();
        assertThat(granted).as("sections granted for the lookup").isNotEmpty();
        for (Section section : granted) {
            assertThat(answer.text()).as("data of %s in the answer", section).contains(SyntheticSummaries.marker(section));
        }
    }

    /**
     * What holds for every answer: no credential or token (body or headers), no stack trace, the HTTP status
     * the error code suggests, and in an error answer no identity number.
     */
    protected final void assertClean(Answer answer) {
        String transcript = answer.transcript();
        assertThat(transcript).as("credentials and tokens are never echoed")
                .doesNotContain(Demo.API_KEY).doesNotContain(Demo.WRONG_API_KEY).doesNotContain(Demo.USER_TOKEN);
        assertThat(STACK_FRAME.matcher(transcript).find()).as("no stack trace in %s", answer).isFalse();
        if (!answer.success()) {
            assertThat(transcript).as("an error answer never names the patient").doesNotContain(Demo.PATIENT);
        }
        if (answer.status() > 0 && answer.success()) {
            assertThat(answer.status()).isEqualTo(200);
        }
        if (answer.status() > 0 && answer.errorCode() != null && isErrorCode(answer.errorCode())) {
            assertThat(answer.status()).as("the HTTP status ErrorCode suggests for %s", answer.errorCode())
                    .isEqualTo(ErrorCode.valueOf(answer.errorCode()).httpStatus());
        }
    }

    private static boolean isErrorCode(String code) {
        return Arrays.stream(ErrorCode.values()).anyMatch(e -> e.name().equals(code));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
