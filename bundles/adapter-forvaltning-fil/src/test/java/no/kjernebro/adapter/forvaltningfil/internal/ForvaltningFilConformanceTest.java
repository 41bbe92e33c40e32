package no.kjernebro.adapter.forvaltningfil.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import no.kjernebro.adapter.forvaltningfil.internal.json.ForvaltningFormat;
import no.kjernebro.adapterkit.conformance.AdapterConformanceTest;
import no.kjernebro.adapterkit.conformance.AdapterEnvironment;
import no.kjernebro.adapterkit.conformance.AdapterUnderTest;
import no.kjernebro.adapterkit.conformance.Answer;
import no.kjernebro.adapterkit.conformance.Awaits;
import no.kjernebro.adapterkit.conformance.Demo;
import no.kjernebro.adapterkit.conformance.Dialect;
import no.kjernebro.adapterkit.conformance.Hostility;
import no.kjernebro.adapterkit.conformance.LookupInput;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupService;
import no.kjernebro.api.lookup.Samtykker;
import org.apache.camel.RoutesBuilder;

/**
 * The adapter kit's conformance tests, spoken as forvaltning-fil request files: each message is written
 * to {@code <kommune>/inn} the documented way (a .tmp renamed to .json) and its answer is the result
 * file in {@code ut}, collected and deleted as a case system would.
 */
class ForvaltningFilConformanceTest extends AdapterConformanceTest {

    @Override
    protected AdapterUnderTest adapterUnderTest(AdapterEnvironment environment) {
        return new ForvaltningFilUnderTest(environment.workDir());
    }

    private static final class ForvaltningFilUnderTest implements AdapterUnderTest {

        private static final int MAX_BYTES = 4096;
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final AtomicInteger FILES = new AtomicInteger();

        private final Path rot;

        ForvaltningFilUnderTest(Path rot) {
            this.rot = rot;
        }

        @Override
        public String adapterId() {
            return ForvaltningFormat.ADAPTER_ID;
        }

        @Override
        public Dialect dialect() {
            return Dialect.JSON;
        }

        @Override
        public RoutesBuilder routes(LookupService lookupService) {
            return new ForvaltningFilRoutes(lookupService, new Innstillinger(rot, 50, MAX_BYTES, 30, 0), Clock.systemUTC());
        }

        @Override
        public void discard(RoutesBuilder routes) {
            ((ForvaltningFilRoutes) routes).deactivate();
        }

        @Override
        public Answer send(LookupInput input) throws IOException {
            return exchange(input.kommunenummer(), request(input.kommunenummer(), input.patientId(), "HPMOTTATTSAMTYKKE",
                    input.credential(), ""));
        }

        @Override
        public Answer sendInvalidCode(String patientId) throws IOException {
            return exchange(Demo.KOMMUNENUMMER, request(Demo.KOMMUNENUMMER, patientId, "SAMTYKKE", Demo.API_KEY, ""));
        }

        @Override
        public ErrorCode invalidCodeError() {
            return ErrorCode.UNKNOWN_ACCESS_BASIS;
        }

        @Override
        public Answer sendWithSamtykker(LookupInput input, Samtykker samtykker) throws IOException {
            String tillegg = "\"tilleggssamtykke\": { \"sperretKritiskInfo\": %s, \"sperretLegemidler\": %s, \"lasteResepter\": %s },\n"
                    .formatted(samtykker.sperretKritiskInfo(), samtykker.sperretLegemidler(), samtykker.lasteResepter());
            return exchange(input.kommunenummer(), request(input.kommunenummer(), input.patientId(), "HPMOTTATTSAMTYKKE",
                    input.credential(), tillegg));
        }

        @Override
        public Answer sendInvalidSamtykke(String patientId) throws IOException {
            return exchange(Demo.KOMMUNENUMMER, request(Demo.KOMMUNENUMMER, patientId, "HPMOTTATTSAMTYKKE", Demo.API_KEY,
                    "\"tilleggssamtykke\": { \"lasteResepter\": \"ja\" },\n"));
        }

        @Override
        public boolean saysComplete(Answer answer) {
            JsonNode svar;
            try {
                svar = JSON.readTree(answer.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON", e);
            }
            assertThat(svar.path("fullstendig").isBoolean()).as("fullstendig: true|false in %s", answer.text()).isTrue();
            assertThat(svar.path("merknader").isArray()).as("merknader: [...]").isTrue();
            assertThat(svar.path("merknader").isEmpty()).as("merknader empty exactly when complete")
                    .isEqualTo(svar.path("fullstendig").booleanValue());
            return svar.path("fullstendig").booleanValue();
        }

        @Override
        public Answer sendMalformed() throws IOException {
            String valid = valid("");
            return exchange(Demo.KOMMUNENUMMER, valid.substring(0, valid.indexOf("\"bruker\"")));
        }

        @Override
        public Answer sendHostile(Hostility hostility, Path secretFile) throws IOException {
            return exchange(Demo.KOMMUNENUMMER, switch (hostility) {
                case JSON_DEEP_NESTING -> valid("\"vedlegg\": " + Hostility.deeplyNestedJsonArray(1000) + ",\n");
                // a second key must never quietly replace the first
                case JSON_DUPLICATE_KEY -> valid("\"apiNokkel\": \"" + Demo.WRONG_API_KEY + "\",\n");
                default -> throw new IllegalArgumentException("not a JSON hostility: " + hostility);
            });
        }

        @Override
        public Answer sendOversized() throws IOException {
            return exchange(Demo.KOMMUNENUMMER, valid(" ".repeat(MAX_BYTES)));
        }

        private static String valid(String extra) {
            return request(Demo.KOMMUNENUMMER, Demo.PATIENT, "HPMOTTATTSAMTYKKE", Demo.API_KEY, extra);
        }

        private static String request(String kommune, String patientId, String tilgangsgrunnlag, String apiKey,
                                      String extra) {
            return """
                    {
                      "meldingsId": "kit-%d",
                      "saksnummer": "2026/1234",
                      "kommune": "%s",
                      "fagsystem": { "navn": "Saksflyt Omsorg", "versjon": "5.2" },
                      "saksbehandler": { "helseIdSubjekt": "%s", "navn": "%s", "rolle": "SAKSBEHANDLER" },
                      "bruker": { "fodselsnummer": "%s" },
                      "formaal": "VURDERING_AV_TJENESTE",
                      "tilgangsgrunnlag": "%s",
                      %s%s"helseIdToken": "%s"
                    }
                    """.formatted(System.nanoTime(), kommune, Demo.CASE_WORKER_SUBJECT, Demo.CASE_WORKER_NAME, patientId,
                    tilgangsgrunnlag, apiKey == null ? "" : "\"apiNokkel\": \"" + apiKey + "\",\n", extra, Demo.USER_TOKEN);
        }

        // The case system's side: deliver atomically, wait for the result, collect it.
        private Answer exchange(String kommune, String content) throws IOException {
            String name = "kit-" + FILES.incrementAndGet();
            Path inn = Files.createDirectories(rot.resolve(kommune).resolve("inn"));
            Path tmp = Files.writeString(inn.resolve(name + ".tmp"), content, StandardCharsets.UTF_8);
            Files.move(tmp, inn.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE);
            Path svar = rot.resolve(kommune).resolve("ut").resolve(name + ForvaltningFormat.SVAR_SUFFIX);
            Path feil = rot.resolve(kommune).resolve("ut").resolve(name + ForvaltningFormat.FEIL_SUFFIX);
            Awaits.until("the result of " + name, () -> Files.exists(svar) || Files.exists(feil));
            boolean success = Files.exists(svar);
            Path result = success ? svar : feil;
            byte[] body = Files.readAllBytes(result);
            Files.delete(result);
            return Answer.file(success, success ? null : JSON.readTree(body).path("feil").path("kode").asText(null), body);
        }
    }
}
