package ${package}.internal;

import ${package}.internal.json.OppslagFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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

/**
 * The adapter kit's conformance tests (valid lookup, each error class, hostile input, outcomes from core,
 * hot swap), spoken in this adapter's dialect over HTTP. When you change the dialect, change the
 * messages and {@code read} below; the inherited tests stay as they are.
 */
class ${className}ConformanceTest extends AdapterConformanceTest {

    @Override
    protected AdapterUnderTest adapterUnderTest(AdapterEnvironment environment) {
        return new UnderTest(environment);
    }

    private static final class UnderTest implements AdapterUnderTest {

        private static final int MAX_BYTES = 4096;
        private static final ObjectMapper JSON = new ObjectMapper();

        private final AdapterEnvironment environment;

        UnderTest(AdapterEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public String adapterId() {
            return OppslagFormat.ADAPTER_ID;
        }

        @Override
        public Dialect dialect() {
            return Dialect.JSON;
        }

        @Override
        public RoutesBuilder routes(LookupService lookupService) {
            return new ${className}Routes(lookupService, MAX_BYTES);
        }

        @Override
        public Answer send(LookupInput input) throws IOException, InterruptedException {
            return post(request(input.kommunenummer(), input.patientId(), Demo.PROFESSION, ""), input.credential());
        }

        @Override
        public Answer sendInvalidCode(String patientId) throws IOException, InterruptedException {
            return post(request(Demo.KOMMUNENUMMER, patientId, "XX", ""), Demo.API_KEY);
        }

        @Override
        public Answer sendWithSamtykker(LookupInput input, Samtykker samtykker) throws IOException, InterruptedException {
            String tillegg = "\"tilleggssamtykke\": { \"sperretKritiskInfo\": %s, \"sperretLegemidler\": %s, \"lasteResepter\": %s },"
                    .formatted(samtykker.sperretKritiskInfo(), samtykker.sperretLegemidler(), samtykker.lasteResepter());
            return post(request(input.kommunenummer(), input.patientId(), Demo.PROFESSION, tillegg), input.credential());
        }

        @Override
        public Answer sendInvalidSamtykke(String patientId) throws IOException, InterruptedException {
            return post(request(Demo.KOMMUNENUMMER, patientId, Demo.PROFESSION,
                    "\"tilleggssamtykke\": { \"lasteResepter\": \"ja\" },"), Demo.API_KEY);
        }

        // "fullstendig" true or false, and "merknader" non-empty exactly when false
        @Override
        public boolean saysComplete(Answer answer) {
            JsonNode svar;
            try {
                svar = JSON.readTree(answer.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON", e);
            }
            if (!svar.path("fullstendig").isBoolean() || !svar.path("merknader").isArray()
                    || svar.path("merknader").isEmpty() != svar.path("fullstendig").booleanValue()) {
                throw new AssertionError("the answer must say fullstendig true|false with its merknader: " + answer.text());
            }
            return svar.path("fullstendig").booleanValue();
        }

        @Override
        public Answer sendMalformed() throws IOException, InterruptedException {
            String valid = request(Demo.KOMMUNENUMMER, Demo.PATIENT, Demo.PROFESSION, "");
            return post(valid.substring(0, valid.indexOf("\"pasient\"")), Demo.API_KEY);
        }

        @Override
        public Answer sendHostile(Hostility hostility, Path secretFile) throws IOException, InterruptedException {
            String extra = switch (hostility) {
                case JSON_DEEP_NESTING -> "\"vedlegg\": " + Hostility.deeplyNestedJsonArray(1000) + ",";
                // a second patient must never quietly replace the first
                case JSON_DUPLICATE_KEY -> "\"pasient\": { \"fodselsnummer\": \"12861550182\" },";
                default -> throw new IllegalArgumentException("not a JSON hostility: " + hostility);
            };
            return post(request(Demo.KOMMUNENUMMER, Demo.PATIENT, Demo.PROFESSION, extra), Demo.API_KEY);
        }

        @Override
        public Answer sendOversized() throws IOException, InterruptedException {
            return post(request(Demo.KOMMUNENUMMER, Demo.PATIENT, Demo.PROFESSION, " ".repeat(MAX_BYTES)), Demo.API_KEY);
        }

        private Answer post(String json, String apiKey) throws IOException, InterruptedException {
            Map<String, String> headers = new HashMap<>();
            headers.put(OppslagFormat.API_KEY_HEADER, apiKey);
            headers.put(OppslagFormat.USER_TOKEN_HEADER, Demo.USER_TOKEN);
            return read(KitHttp.post(environment.uri(OppslagFormat.PATH), "application/json", headers,
                    json.getBytes(StandardCharsets.UTF_8)));
        }

        // A success has "deler", an error "feil.kode"; anything else (a server's own page) is not ours.
        private static Answer read(HttpResponse<byte[]> response) {
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                return Answer.of(response, false, null);
            }
            if (body == null || !body.isObject()) {
                return Answer.of(response, false, null);
            }
            if (response.statusCode() == 200 && body.has("deler")) {
                return Answer.of(response, true, null);
            }
            return Answer.of(response, false, body.path("feil").path("kode").asText(null));
        }

        private static String request(String kommunenummer, String patientId, String kategori, String extra) {
            return """
                    {
                      "meldingsId": "kit-%d",
                      "kommunenummer": "%s",
                      "enhet": "Sone sentrum",
                      "system": { "navn": "Kit EPJ", "versjon": "1.0" },
                      "bruker": { "hprNummer": "%s", "navn": "%s", "kategori": "%s" },
                      %s
                      "pasient": { "fodselsnummer": "%s" },
                      "tilgangsgrunnlag": "HPMOTTATTSAMTYKKE"
                    }
                    """.formatted(System.nanoTime(), kommunenummer, Demo.HPR_NUMBER, Demo.HPR_NAME, kategori, extra,
                    patientId);
        }
    }
}
