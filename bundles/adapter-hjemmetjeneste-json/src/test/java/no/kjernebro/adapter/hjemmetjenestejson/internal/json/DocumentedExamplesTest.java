package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Helseindikator;
import no.kjernebro.api.summary.Legemidler;
import no.kjernebro.api.summary.Merknad;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.api.sweep.FindingsPage;
import no.kjernebro.api.sweep.Initiator;
import no.kjernebro.api.sweep.PatientListReceipt;
import no.kjernebro.api.sweep.SweepFinding;
import no.kjernebro.api.sweep.SweepState;
import no.kjernebro.api.sweep.SweepStatus;
import org.junit.jupiter.api.Test;

/**
 * The examples in docs/adapters/examples/hjemmetjeneste-*.json are what the adapter reads and writes:
 * requests translate, answers equal the writers' output for the same data. Run with
 * {@code -Dregenerate=true} to rewrite the answer examples after a deliberate change.
 */
class DocumentedExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "..", "docs", "adapters", "examples");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Instant T = Instant.parse("2025-03-10T01:00:00Z");

    @Test
    void lookupRequestTranslates() throws Exception {
        try (InputStream in = Files.newInputStream(EXAMPLES.resolve("hjemmetjeneste-oppslag.json"))) {
            assertThat(new OppslagTranslator(65536).translate(in, null, "token")).isInstanceOf(Translation.Accepted.class);
        }
    }

    @Test
    void lookupWithConsentTranslatesWithItsSamtykker() throws Exception {
        try (InputStream in = Files.newInputStream(EXAMPLES.resolve("hjemmetjeneste-oppslag-tilleggssamtykke.json"))) {
            Translation t = new OppslagTranslator(65536).translate(in, null, "token");
            assertThat(t).isInstanceOf(Translation.Accepted.class);
            assertThat(((Translation.Accepted) t).request().samtykker()).isEqualTo(new Samtykker(false, true, false));
        }
    }

    @Test
    void patientListReads() throws Exception {
        try (InputStream in = Files.newInputStream(EXAMPLES.resolve("hjemmetjeneste-pasientliste.json"));
             PatientListReader reader = new PatientListReader(in, 1 << 20)) {
            int[] n = {0};
            reader.forEachRemaining(fnr -> n[0]++);
            assertThat(n[0]).isEqualTo(4);
        }
    }

    @Test
    void answersAreWhatTheWritersWrite() throws Exception {
        Set<Section> granted = EnumSet.of(Section.PERSONALIA, Section.LEGEMIDLER, Section.KRITISK_INFORMASJON);
        example("hjemmetjeneste-svar.json", SvarWriter.write(LookupOutcome.allowed(Fixtures.summary(granted), granted,
                "KJB-000000000123", false, "hb-20250310-0815-17")));
        Set<Section> medisiner = EnumSet.of(Section.LEGEMIDLER);
        PatientSummary sperret = new PatientSummary("03887033136",
                new Helseindikator(2, "Pasienten har kjernejournal", false, false, true, List.of(), null), medisiner,
                null, null, null, new Legemidler(List.of(), false), null, null, null, null, List.of(new Merknad(
                        Section.LEGEMIDLER, "MODUL_SPERRET", "Pasienten har sperret legemiddelopplysningene; de vises"
                        + " bare med pasientens samtykke.", null, null)));
        example("hjemmetjeneste-svar-ufullstendig.json", SvarWriter.write(LookupOutcome.allowed(sperret, medisiner,
                "KJB-000000000125", false, "hb-20250310-0830-02")));
        example("hjemmetjeneste-feil.json", ProblemWriter.write("PROFESSION_NOT_ALLOWED", 403,
                ErrorCode.PROFESSION_NOT_ALLOWED.description(),
                "the access policy does not let HF look up kjernejournal in HJEMMETJENESTE", "REFUSED",
                "hb-20250310-0815-17", "KJB-000000000124"));
        example("hjemmetjeneste-pasientliste-kvittering.json", SweepJson.receipt(new PatientListReceipt(
                "pl-3f1c2a9e-5b7d-4e21-9c0a-7d2e8b6f4a10", "5601", T, 3, 1, 2, 0, 1, List.of(3L), "9f2c".repeat(16))));
        SweepStatus running = new SweepStatus("sw-7b0e4c2d-1f3a-4d5e-8a9b-0c1d2e3f4a5b", "5601", "hjemmetjeneste-json",
                "pl-3f1c2a9e-5b7d-4e21-9c0a-7d2e8b6f4a10", Initiator.system("Omsorg Mobil/24.2"), SweepState.RUNNING,
                350_000, 120_400, 1204, 5988, 2, "KJERNEJOURNAL_UNAVAILABLE",
                "kjernejournal or HelseID could not be reached in time", T, T.plusSeconds(95), null, "NONE");
        example("hjemmetjeneste-legemiddelsjekk.json", SweepJson.status(running));
        example("hjemmetjeneste-endringer.json", SweepJson.findings(new FindingsPage(running.sweepId(),
                List.of(new SweepFinding("05902823095", true, T.plusSeconds(12)),
                        new SweepFinding("21874614847", true, T.plusSeconds(12))), "1187"), "5601"));
        example("hjemmetjeneste-callback.json", SweepJson.callback(new SweepStatus(running.sweepId(), "5601",
                "hjemmetjeneste-json", running.listId(), running.initiator(), SweepState.FINISHED, 350_000, 350_000, 3500,
                17_321, 0, null, null, T, T.plusSeconds(301), T.plusSeconds(301), "PENDING")));
    }

    private static void example(String name, byte[] written) throws Exception {
        Path file = EXAMPLES.resolve(name);
        JsonNode actual = JSON.readTree(written);
        if (Boolean.getBoolean("regenerate")) {
            Files.writeString(file, JSON.writeValueAsString(actual) + "\n");
        }
        assertThat(JSON.readTree(Files.readString(file))).as(name).isEqualTo(actual);
    }
}
