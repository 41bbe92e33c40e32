package no.kjernebro.adapter.hjemmetjenestejson.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import no.kjernebro.adapter.hjemmetjenestejson.internal.json.HjemmetjenesteFormat;
import no.kjernebro.adapterkit.conformance.AdapterConformanceTest;
import no.kjernebro.adapterkit.conformance.AdapterEnvironment;
import no.kjernebro.adapterkit.conformance.AdapterUnderTest;
import no.kjernebro.adapterkit.conformance.Answer;
import no.kjernebro.adapterkit.conformance.Demo;
import no.kjernebro.adapterkit.conformance.Dialect;
import no.kjernebro.adapterkit.conformance.Hostility;
import no.kjernebro.adapterkit.conformance.KitHttp;
import no.kjernebro.adapterkit.conformance.LookupInput;
import no.kjernebro.api.lookup.LookupService;
import no.kjernebro.api.lookup.Samtykker;
import org.apache.camel.RoutesBuilder;

/** The adapter kit's conformance tests, spoken as hjemmetjeneste-json single lookups over HTTP. */
class HjemmetjenesteJsonConformanceTest extends AdapterConformanceTest {

    @Override
    protected AdapterUnderTest adapterUnderTest(AdapterEnvironment environment) {
        return new UnderTest(environment);
    }

    private static final class UnderTest implements AdapterUnderTest {

        private static final int MAX_LOOKUP_BYTES = 4096;
        private static final ObjectMapper JSON = new ObjectMapper();

        private final AdapterEnvironment environment;

        UnderTest(AdapterEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public String adapterId() {
            return HjemmetjenesteFormat.ADAPTER_ID;
        }

        @Override
        public Dialect dialect() {
            return Dialect.JSON;
        }

        @Override
        public RoutesBuilder routes(LookupService lookupService) {
            // no sweep service: the sweep resources answer 503, lookups work
            return new HjemmetjenesteJsonRoutes(lookupService, null, MAX_LOOKUP_BYTES, 1 << 20);
        }

        @Override
        public Answer send(LookupInput input) throws IOException, InterruptedException {
            return post(oppslag(input.kommunenummer(), input.patientId(), Demo.PROFESSION, ""), input.credential());
        }

        @Override
        public Answer sendInvalidCode(String patientId) throws IOException, InterruptedException {
            return post(oppslag(Demo.KOMMUNENUMMER, patientId, "XX", ""), Demo.API_KEY);
        }

        @Override
        public Answer sendWithSamtykker(LookupInput input, Samtykker samtykker) throws IOException, InterruptedException {
            String tillegg = "\"tilleggssamtykke\": { \"sperretKritiskInfo\": %s, \"sperretLegemidler\": %s, \"lasteResepter\": %s },"
                    .formatted(samtykker.sperretKritiskInfo(), samtykker.sperretLegemidler(), samtykker.lasteResepter());
            return post(oppslag(input.kommunenummer(), input.patientId(), Demo.PROFESSION, tillegg), input.credential());
        }

        @Override
        public Answer sendInvalidSamtykke(String patientId) throws IOException, InterruptedException {
            return post(oppslag(Demo.KOMMUNENUMMER, patientId, Demo.PROFESSION,
                    "\"tilleggssamtykke\": { \"sperretKritiskInfo\": \"ja\" },"), Demo.API_KEY);
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
        public Answer sendMalformed() throws IOException, InterruptedException {
            String valid = oppslag(Demo.KOMMUNENUMMER, Demo.PATIENT, Demo.PROFESSION, "");
            return post(valid.substring(0, valid.indexOf("\"patient\"")), Demo.API_KEY);
        }

        @Override
        public Answer sendHostile(Hostility hostility, Path secretFile) throws IOException, InterruptedException {
            String extra = switch (hostility) {
                case JSON_DEEP_NESTING -> "\"visitId\": " + Hostility.deeplyNestedJsonArray(1000) + ",";
                // a second patient must never quietly replace the first
                case JSON_DUPLICATE_KEY -> "\"patient\": { \"personnummer\": \"12861550182\" },";
                default -> throw new IllegalArgumentException("not a JSON hostility: " + hostility);
            };
            return post(oppslag(Demo.KOMMUNENUMMER, Demo.PATIENT, Demo.PROFESSION, extra), Demo.API_KEY);
        }

        @Override
        public Answer sendOversized() throws IOException, InterruptedException {
            return post(oppslag(Demo.KOMMUNENUMMER, Demo.PATIENT, Demo.PROFESSION, " ".repeat(MAX_LOOKUP_BYTES)),
                    Demo.API_KEY);
        }

        private Answer post(String json, String apiKey) throws IOException, InterruptedException {
            Map<String, String> headers = new HashMap<>();
            headers.put(HjemmetjenesteFormat.API_KEY_HEADER, apiKey);
            headers.put(HjemmetjenesteFormat.USER_TOKEN_HEADER, Demo.USER_TOKEN);
            return read(KitHttp.post(environment.uri(HjemmetjenesteFormat.BASE_PATH + "/oppslag"), "application/json",
                    headers, json.getBytes(StandardCharsets.UTF_8)));
        }

        // 200 with "included" is an answer; application/problem+json carries "errorCode"; anything else is not ours.
        private static Answer read(HttpResponse<byte[]> response) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                return Answer.of(response, false, null);
            }
            if (body == null || !body.isObject()) {
                return Answer.of(response, false, null);
            }
            if (response.statusCode() == 200 && body.has("included")) {
                return Answer.of(response, true, null);
            }
            return Answer.of(response, false,
                    type.startsWith("application/problem+json") ? body.path("errorCode").asText(null) : null);
        }

        private static String oppslag(String kommuneNr, String personnummer, String kategori, String extra) {
            return """
                    {
                      "requestId": "kit-%d",
                      "kommuneNr": "%s",
                      "orgNr": "%s",
                      "careUnit": "Hjemmesykepleien sone sentrum",
                      "clientSystem": { "name": "Omsorg Mobil", "version": "24.2" },
                      "employee": { "hprNr": "%s", "name": "%s", "helsepersonellKategori": "%s" },
                      %s
                      "patient": { "personnummer": "%s" },
                      "tilgangsgrunnlag": "HPMOTTATTSAMTYKKE"
                    }
                    """.formatted(System.nanoTime(), kommuneNr, Demo.ORGNR, Demo.HPR_NUMBER, Demo.HPR_NAME, kategori,
                    extra, personnummer);
        }
    }
}
