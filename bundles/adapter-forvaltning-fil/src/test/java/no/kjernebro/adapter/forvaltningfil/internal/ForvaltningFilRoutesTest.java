package no.kjernebro.adapter.forvaltningfil.internal;

import static no.kjernebro.adapter.forvaltningfil.internal.Mapper.await;
import static no.kjernebro.adapter.forvaltningfil.internal.Mapper.json;
import static no.kjernebro.adapter.forvaltningfil.internal.Mapper.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import no.kjernebro.adapter.forvaltningfil.internal.json.Fixtures;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.LookupOutcome;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes in a plain CamelContext (as core's shared one runs them) over real folders. */
class ForvaltningFilRoutesTest {

    private static final int MAX_BYTES = 4096;

    @TempDir
    Path rot;

    private final FakeCore core = new FakeCore();
    private CamelContext context;
    private ForvaltningFilRoutes routes;
    private Mapper alta;

    @BeforeEach
    void start() throws Exception {
        alta = new Mapper(rot, Fixtures.ALTA);
        startRoutes();
    }

    @AfterEach
    void stop() throws Exception {
        stopRoutes();
    }

    @Test
    void routeIdsArePrefixedWithTheAdapterId() {
        assertThat(context.getRoutes()).extracting(r -> r.getRouteId())
                .containsExactlyInAnyOrder("forvaltning-fil-innboks", "forvaltning-fil-opprydding");
    }

    @Test
    void validRequestGetsAnAnswerFileAndTheInputIsKeptInBehandlet() throws Exception {
        alta.drop("sak-1234", Fixtures.request());

        Path svar = alta.ut.resolve("sak-1234.svar.json");
        await("answer file", () -> Files.exists(svar) && names(alta.inn).isEmpty() && !names(alta.behandlet).isEmpty());

        JsonNode answer = json(svar);
        assertThat(answer.path("status").asText()).isEqualTo("OK");
        assertThat(answer.path("saksnummer").asText()).isEqualTo("2026/1234");
        assertThat(answer.path("loggreferanse").asText()).isEqualTo("audit-0001");
        assertThat(answer.path("tildelteOpplysninger")).extracting(JsonNode::asText)
                .containsExactly("PERSONALIA", "FASTLEGE", "PAARORENDE");
        assertThat(names(alta.ut)).as("written atomically: no temporary file left").containsExactly("sak-1234.svar.json");
        assertThat(names(alta.behandlet)).singleElement().asString().matches("\\d{8}T\\d{9}Z_sak-1234\\.json");
        assertThat(Files.readAllBytes(alta.behandlet.resolve(names(alta.behandlet).get(0)))).isEqualTo(Fixtures.request());
        assertThat(names(alta.feilet)).isEmpty();
        assertThat(core.lookups()).singleElement().satisfies(r -> {
            assertThat(r.correlationId()).isEqualTo("2026/1234/7f3c9a52-1b7e-4d0a-9c55-2f6f1d8e4b10");
            assertThat(r.requester().kommunenummer()).isEqualTo("5601");
        });
        assertThat(core.calls.get(0).credential().secret()).isEqualTo(Fixtures.API_KEY);
    }

    @Test
    void malformedFileIsMovedToFeiletWithAnErrorFileAndAnErrorResult() throws Exception {
        alta.drop("odelagt", "{\"saksnummer\": ".getBytes(StandardCharsets.UTF_8));

        Path feil = alta.ut.resolve("odelagt.feil.json");
        await("error result", () -> Files.exists(feil) && names(alta.feilet).size() == 2);

        assertThat(json(feil).path("feil").path("kode").asText()).isEqualTo("MALFORMED_MESSAGE");
        assertThat(json(feil).path("feil").path("melding").asText()).startsWith("the file is not valid JSON");
        assertThat(names(alta.feilet)).satisfiesExactly(
                input -> assertThat(input).endsWith("_odelagt.feil.json"),
                error -> assertThat(error).endsWith("_odelagt.json"));
        assertThat(names(alta.inn)).isEmpty();
        assertThat(core.calls).singleElement().satisfies(c -> assertThat(c.rejected().error())
                .isEqualTo(ErrorCode.MALFORMED_MESSAGE));
    }

    @Test
    void oversizedFileIsRefusedUnreadAndMovedToFeilet() throws Exception {
        byte[] big = new byte[MAX_BYTES * 10];
        java.util.Arrays.fill(big, (byte) ' ');
        alta.drop("stor", big);

        Path feil = alta.ut.resolve("stor.feil.json");
        await("error result", () -> Files.exists(feil) && names(alta.feilet).size() == 2);

        assertThat(json(feil).path("feil").path("kode").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void translationErrorIsRejectedThroughCoreAndTheRefusalAudited() throws Exception {
        alta.drop("uten-sak", Fixtures.requestWith("\"saksnummer\": \"2026/1234\",", ""));

        Path feil = alta.ut.resolve("uten-sak.feil.json");
        await("error result", () -> Files.exists(feil) && names(alta.feilet).size() == 2);

        JsonNode error = json(feil);
        assertThat(error.path("feil").path("kode").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(error.path("feil").path("melding").asText()).isEqualTo("missing field 'saksnummer'");
        assertThat(error.path("loggreferanse").asText()).isEqualTo("audit-rejected-1");
        assertThat(core.calls).singleElement().satisfies(c -> {
            assertThat(c.rejected().patientId()).isEqualTo(Fixtures.PATIENT);
            assertThat(c.credential().secret()).isEqualTo(Fixtures.API_KEY);
        });
    }

    @Test
    void refusalByCoreIsAnErrorResultButTheInputCountsAsProcessed() throws Exception {
        core.onLookup = r -> LookupOutcome.refused(ErrorCode.ACCESS_BASIS_NOT_ALLOWED, "emergency access is not allowed",
                "audit-0002", r.correlationId());
        alta.drop("akutt", Fixtures.requestWith("HPMOTTATTSAMTYKKE", "HPAKUTT"));

        Path feil = alta.ut.resolve("akutt.feil.json");
        await("error result", () -> Files.exists(feil) && names(alta.behandlet).size() == 1);

        assertThat(json(feil).path("feil").path("kode").asText()).isEqualTo("ACCESS_BASIS_NOT_ALLOWED");
        assertThat(json(feil).path("feil").path("utfall").asText()).isEqualTo("REFUSED");
        assertThat(json(feil).path("loggreferanse").asText()).isEqualTo("audit-0002");
        assertThat(names(alta.feilet)).isEmpty();
    }

    @Test
    void invalidUserTokenIsAnErrorResultWithItsCode() throws Exception {
        core.onLookup = r -> LookupOutcome.refused(ErrorCode.USER_TOKEN_INVALID, "the user token has expired",
                "audit-0003", r.correlationId());
        alta.drop("utlopt", Fixtures.request());

        Path feil = alta.ut.resolve("utlopt.feil.json");
        await("error result", () -> Files.exists(feil) && names(alta.behandlet).size() == 1);

        assertThat(json(feil).path("feil").path("kode").asText()).isEqualTo("USER_TOKEN_INVALID");
        assertThat(json(feil).path("feil").path("utfall").asText()).isEqualTo("REFUSED");
        assertThat(json(feil).path("loggreferanse").asText()).isEqualTo("audit-0003");
    }

    @Test
    void tooManyRequestsIsAnErrorResultWithItsCode() throws Exception {
        core.onLookup = r -> LookupOutcome.failed(ErrorCode.TOO_MANY_REQUESTS, ErrorCode.TOO_MANY_REQUESTS.description(),
                "audit-0004", r.correlationId());
        alta.drop("travelt", Fixtures.request());

        Path feil = alta.ut.resolve("travelt.feil.json");
        await("error result", () -> Files.exists(feil) && names(alta.behandlet).size() == 1);

        assertThat(json(feil).path("feil").path("kode").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(json(feil).path("feil").path("utfall").asText()).isEqualTo("FAILED");
        assertThat(json(feil).path("feil").path("melding").asText()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS.description());
    }

    @Test
    void consentsTravelFromTheFileToCore() throws Exception {
        alta.drop("samtykke", Fixtures.requestWith("\"apiNokkel\"",
                "\"tilleggssamtykke\": { \"sperretKritiskInfo\": true }, \"apiNokkel\""));

        await("answer", () -> Files.exists(alta.ut.resolve("samtykke.svar.json")));

        assertThat(core.lookups()).singleElement().satisfies(r ->
                assertThat(r.samtykker()).isEqualTo(new Samtykker(true, false, false)));
    }

    @Test
    void duplicateFileGetsDuplicateAndIsNotLookedUpAgain() throws Exception {
        alta.drop("sak-1234", Fixtures.request());
        await("first answer", () -> Files.exists(alta.ut.resolve("sak-1234.svar.json")) && names(alta.inn).isEmpty());

        alta.drop("sak-1234", Fixtures.request());

        Path feil = alta.ut.resolve("sak-1234.feil.json");
        await("duplicate answer", () -> Files.exists(feil) && names(alta.inn).isEmpty());
        assertThat(json(feil).path("feil").path("kode").asText()).isEqualTo("DUPLICATE");
        assertThat(json(feil).path("saksnummer").asText()).as("echoed so the case system can file it").isEqualTo("2026/1234");
        assertThat(core.calls).hasSize(1);
        assertThat(names(alta.ut)).containsExactly("sak-1234.feil.json", "sak-1234.svar.json");
        assertThat(names(alta.feilet)).hasSize(2);
    }

    @Test
    void sameNameWithNewContentIsANewRequest() throws Exception {
        alta.drop("sak-1234", Fixtures.request());
        await("first answer", () -> Files.exists(alta.ut.resolve("sak-1234.svar.json")) && names(alta.inn).isEmpty());

        alta.drop("sak-1234", Fixtures.requestWith("7f3c9a52-1b7e-4d0a-9c55-2f6f1d8e4b10", "melding-2"));

        await("second answer", () -> core.lookups().size() == 2 && names(alta.ut).size() == 2 && names(alta.inn).isEmpty());
        assertThat(names(alta.ut)).as("the first answer is not overwritten")
                .anySatisfy(n -> assertThat(n).matches("sak-1234\\.\\d{8}T\\d{9}Z\\.svar\\.json"))
                .contains("sak-1234.svar.json");
    }

    @Test
    void aPartiallyWrittenTmpFileIsNeverRead() throws Exception {
        Path partial = Files.write(alta.inn.resolve("sak-2.tmp"), "{\"saksnummer\": \"20".getBytes(StandardCharsets.UTF_8));
        alta.drop("sak-1234", Fixtures.request());

        // the inbox was scanned with both files in it: the .tmp was passed over
        await("answer to the finished file", () -> Files.exists(alta.ut.resolve("sak-1234.svar.json"))
                && names(alta.inn).equals(java.util.List.of("sak-2.tmp")));
        assertThat(core.calls).hasSize(1);
        assertThat(Files.readString(partial)).isEqualTo("{\"saksnummer\": \"20");

        Files.writeString(partial, "{\"saksnummer\": \"2026/9\"}");
        Files.move(partial, alta.inn.resolve("sak-2.json"));
        await("answer once renamed", () -> Files.exists(alta.ut.resolve("sak-2.feil.json")));
    }

    @Test
    void filesOutsideTheInboxesAreLeftAlone() throws Exception {
        Path inKommune = Files.write(rot.resolve("5601").resolve("x.json"), Fixtures.request());
        Path inUt = Files.write(Files.createDirectories(alta.ut).resolve("y.json"), Fixtures.request());
        Path notKommune = Files.write(Files.createDirectories(rot.resolve("alta").resolve("inn")).resolve("z.json"),
                Fixtures.request());
        Path inRoot = Files.write(rot.resolve("r.json"), Fixtures.request());
        alta.drop("sak-1234", Fixtures.request());

        await("answer", () -> Files.exists(alta.ut.resolve("sak-1234.svar.json")) && names(alta.inn).isEmpty());
        assertThat(inKommune).exists();
        assertThat(inUt).exists();
        assertThat(notKommune).exists();
        assertThat(inRoot).exists();
        assertThat(core.calls).hasSize(1);
    }

    @Test
    void restartDoesNotReprocessAndStillRecognisesDuplicates() throws Exception {
        alta.drop("sak-1234", Fixtures.request());
        await("first answer", () -> Files.exists(alta.ut.resolve("sak-1234.svar.json")) && names(alta.inn).isEmpty());
        stopRoutes();

        startRoutes();
        alta.drop("sak-1234", Fixtures.request());
        alta.drop("sak-5678", Fixtures.requestWith("2026/1234", "2026/5678"));

        await("answers after restart", () -> Files.exists(alta.ut.resolve("sak-1234.feil.json"))
                && Files.exists(alta.ut.resolve("sak-5678.svar.json")) && names(alta.inn).isEmpty());
        assertThat(json(alta.ut.resolve("sak-1234.feil.json")).path("feil").path("kode").asText()).isEqualTo("DUPLICATE");
        assertThat(core.lookups()).extracting(r -> r.correlationId()).containsExactly(
                "2026/1234/7f3c9a52-1b7e-4d0a-9c55-2f6f1d8e4b10", "2026/5678/7f3c9a52-1b7e-4d0a-9c55-2f6f1d8e4b10");
        assertThat(names(alta.behandlet)).hasSize(2);
    }

    @Test
    void stoppingTheRouteLetsTheFileInProgressComplete() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        core.onLookup = r -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeCore.restrictedView(r);
        };
        alta.drop("sak-1234", Fixtures.request());
        assertThat(entered.await(30, TimeUnit.SECONDS)).as("lookup started").isTrue();

        Thread stopper = new Thread(() -> {
            try {
                context.getRouteController().stopRoute(ForvaltningFilRoutes.INNBOKS_ROUTE, 30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        stopper.start();
        release.countDown();
        stopper.join();

        assertThat(context.getRouteController().getRouteStatus(ForvaltningFilRoutes.INNBOKS_ROUTE))
                .isEqualTo(ServiceStatus.Stopped);
        assertThat(alta.ut.resolve("sak-1234.svar.json")).exists();
        assertThat(names(alta.inn)).isEmpty();
        assertThat(names(alta.behandlet)).hasSize(1);
    }

    private void startRoutes() throws Exception {
        routes = new ForvaltningFilRoutes(core, new Innstillinger(rot, 50, MAX_BYTES, 30, 0), Clock.systemUTC());
        context = new DefaultCamelContext();
        context.addRoutes(routes);
        context.start();
    }

    private void stopRoutes() throws Exception {
        if (context != null) {
            context.close();
            routes.deactivate();
            context = null;
        }
    }
}
