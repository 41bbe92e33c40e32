package no.kjernebro.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The allocation office's file exchange end to end: a case system drops a request file into Alta's
 * inbox under the data folder, the adapter answers with a result file, core applies the restricted
 * view for case workers and audits the access with the case reference it was made for.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ForvaltningFilITest extends KjernebroTestSupport {

    private static final String CASE_WORKER = "hid-sb-5601-0001";
    private static final String CASE_WORKER_NAME = "Sara Testsaksbehandler";

    private Path kommune;
    private String token;

    @Before
    public void ready() throws Exception {
        Await.until("simulator answers", () -> Http.get("http://localhost:" + simulatorPort() + "/jwks").statusCode() == 200);
        HttpResponse<String> r = Http.post("http://localhost:" + simulatorPort() + "/testtoken", "application/json",
                "{\"subject\":\"" + CASE_WORKER + "\"}");
        assertEquals(r.body(), 200, r.statusCode());
        token = Http.jsonField(r.body(), "access_token");
        kommune = Path.of(System.getProperty("karaf.data"), "kjernebro", "forvaltning", Demo.ALTA);
        Files.createDirectories(kommune.resolve("inn"));
    }

    @Test
    public void caseWorkerGetsTheRestrictedViewAndTheAccessIsAuditedWithTheCaseReference() throws Exception {
        String saksnummer = "2026/" + (1000 + (int) (Math.random() * 9000));
        String meldingsId = UUID.randomUUID().toString();
        String name = "sak-" + meldingsId.substring(0, 8);
        String request = request(saksnummer, meldingsId, "HPMOTTATTSAMTYKKE", Demo.ALTA_KEY);

        drop(name, request);
        String svar = awaitResult(name + ".svar.json");

        assertEquals("OK", Http.jsonField(svar, "status"));
        assertEquals(saksnummer, Http.jsonField(svar, "saksnummer"));
        assertTrue(svar, svar.replaceAll("\\s", "").contains("\"tildelteOpplysninger\":[\"PERSONALIA\",\"FASTLEGE\",\"PAARORENDE\"]"));
        assertTrue("personalia rendered: " + svar, svar.contains("\"personalia\"") && svar.contains("\"etternavn\""));
        assertTrue("fastlege rendered: " + svar, svar.contains("\"fastlege\""));
        assertTrue("pårørende rendered: " + svar, svar.contains("\"paarorende\""));
        for (String hidden : new String[] {"legemidler", "kritiskInformasjon", "helseindikator", "vaksiner",
            "besokshistorikk", "egneRegistreringer"}) {
            assertFalse(hidden + " must not reach a case worker: " + svar, svar.contains("\"" + hidden + "\""));
        }
        await("input archived in behandlet", () -> names(kommune.resolve("behandlet")).stream()
                .anyMatch(n -> n.endsWith("_" + name + ".json")));

        Map<String, String> record = auditRecord(Http.jsonField(svar, "loggreferanse"));
        assertEquals("ALLOWED", record.get("outcome"));
        assertEquals(saksnummer + "/" + meldingsId, record.get("correlation_id"));
        assertEquals("forvaltning-fil", record.get("adapter_id"));
        assertEquals("TILDELINGSKONTOR", record.get("service_context"));
        assertEquals(CASE_WORKER, record.get("actor_id"));
        assertEquals("SAKSBEHANDLER", record.get("profession_or_role"));
        assertEquals(Demo.STATUS_4_PATIENT, record.get("patient_id"));
        assertEquals(Demo.ALTA, record.get("kommunenummer"));
        assertTrue(record.get("sections"), record.get("sections").contains("PERSONALIA"));
        assertFalse(record.get("sections"), record.get("sections").contains("LEGEMIDLER"));
        assertFalse(record.get("sections"), record.get("sections").contains("KRITISK_INFORMASJON"));

        // the same file again is answered DUPLICATE and is not a second access
        drop(name, request);
        String duplicate = awaitResult(name + ".feil.json");
        assertEquals("DUPLICATE", Http.jsonField(duplicate, "kode"));
        assertEquals(1, auditRecordsFor(saksnummer + "/" + meldingsId).size());
    }

    @Test
    public void emergencyAccessByACaseWorkerIsRefusedAndAudited() throws Exception {
        String saksnummer = "2026/" + (1000 + (int) (Math.random() * 9000));
        String meldingsId = UUID.randomUUID().toString();
        String name = "akutt-" + meldingsId.substring(0, 8);

        drop(name, request(saksnummer, meldingsId, "HPAKUTT", Demo.ALTA_KEY));
        String feil = awaitResult(name + ".feil.json");

        assertEquals("ACCESS_BASIS_NOT_ALLOWED", Http.jsonField(feil, "kode"));
        assertEquals("REFUSED", Http.jsonField(feil, "utfall"));
        assertFalse("no patient data in a refusal", feil.contains("\"personalia\""));
        assertFalse("the patient is not named in an error file", feil.contains(Demo.STATUS_4_PATIENT));
        Map<String, String> record = auditRecord(Http.jsonField(feil, "loggreferanse"));
        assertEquals("REFUSED", record.get("outcome"));
        assertEquals("ACCESS_BASIS_NOT_ALLOWED", record.get("reason_code"));
        assertEquals(saksnummer + "/" + meldingsId, record.get("correlation_id"));
        assertEquals(Demo.STATUS_4_PATIENT, record.get("patient_id"));
        assertEquals("", record.get("sections"));
    }

    @Test
    public void wrongApiKeyInTheFileIsRefusedAndAudited() throws Exception {
        String saksnummer = "2026/" + (1000 + (int) (Math.random() * 9000));
        String meldingsId = UUID.randomUUID().toString();
        String name = "nokkel-" + meldingsId.substring(0, 8);

        drop(name, request(saksnummer, meldingsId, "HPMOTTATTSAMTYKKE", Demo.LYNGEN_KEY));
        String feil = awaitResult(name + ".feil.json");

        assertEquals("BAD_CREDENTIAL", Http.jsonField(feil, "kode"));
        Map<String, String> record = auditRecord(Http.jsonField(feil, "loggreferanse"));
        assertEquals("REFUSED", record.get("outcome"));
        assertEquals(saksnummer + "/" + meldingsId, record.get("correlation_id"));
    }

    @Test
    public void malformedFileIsMovedToFeiletWithAnErrorFile() throws Exception {
        String name = "odelagt-" + UUID.randomUUID().toString().substring(0, 8);

        drop(name, "{\"saksnummer\": \"2026/1\", \"saksnummer\": \"2026/2\"}");
        String feil = awaitResult(name + ".feil.json");

        assertEquals("MALFORMED_MESSAGE", Http.jsonField(feil, "kode"));
        assertTrue(feil, Http.jsonField(feil, "melding").startsWith("duplicate field 'saksnummer'"));
        await("input and error file in feilet", () -> {
            List<String> feilet = names(kommune.resolve("feilet"));
            return feilet.stream().anyMatch(n -> n.endsWith("_" + name + ".json"))
                    && feilet.stream().anyMatch(n -> n.endsWith("_" + name + ".feil.json"));
        });
    }

    private String request(String saksnummer, String meldingsId, String tilgangsgrunnlag, String apiKey) {
        return """
                {
                  "meldingsId": "%s",
                  "saksnummer": "%s",
                  "kommune": "%s",
                  "fagsystem": { "navn": "Saksflyt Omsorg", "versjon": "5.2" },
                  "saksbehandler": { "helseIdSubjekt": "%s", "navn": "%s", "rolle": "SAKSBEHANDLER",
                                     "enhet": "Tildelingskontoret" },
                  "bruker": { "fodselsnummer": "%s" },
                  "formaal": "VURDERING_AV_TJENESTE",
                  "tilgangsgrunnlag": "%s",
                  "apiNokkel": "%s",
                  "helseIdToken": "%s"
                }
                """.formatted(meldingsId, saksnummer, Demo.ALTA, CASE_WORKER, CASE_WORKER_NAME, Demo.STATUS_4_PATIENT,
                tilgangsgrunnlag, apiKey, token);
    }

    /** As the case system must: write {@code <name>.tmp}, then rename it to {@code <name>.json}. */
    private void drop(String name, String content) throws Exception {
        Path tmp = Files.writeString(kommune.resolve("inn").resolve(name + ".tmp"), content, StandardCharsets.UTF_8);
        Files.move(tmp, kommune.resolve("inn").resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE);
    }

    private String awaitResult(String fileName) throws Exception {
        Path result = kommune.resolve("ut").resolve(fileName);
        await("result file " + fileName, () -> Files.exists(result));
        return Files.readString(result, StandardCharsets.UTF_8);
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        Await.until(what, 60_000, condition);
    }

    private static List<String> names(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }


    private List<Map<String, String>> auditRecordsFor(String correlationId) throws Exception {
        return auditRows("SELECT * FROM kjb_audit_record WHERE correlation_id = ?", correlationId);
    }

}
