package no.kjernebro.adapter.forvaltningfil.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.Samtykker;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Merknad;
import no.kjernebro.api.summary.PatientSummary;
import org.junit.jupiter.api.Test;

/**
 * The examples in docs/adapters/examples stay true: the request translates, and the result examples are
 * exactly what the writers produce for it. Run with {@code -Dexamples.write=true} to regenerate them.
 */
class DocumentedExamplesTest {

    private static final Path EXAMPLES = Path.of("../../docs/adapters/examples");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CORRELATION_ID = "2026/1234/7f3c9a52-1b7e-4d0a-9c55-2f6f1d8e4b10";
    private static final Saksreferanse SAK = new Saksreferanse("2026/1234", "7f3c9a52-1b7e-4d0a-9c55-2f6f1d8e4b10",
            "5601", "VURDERING_AV_TJENESTE", CORRELATION_ID);
    private static final String INNFIL = "sak-2026-1234.json";

    @Test
    void theRequestExampleTranslatesToALookupForTheAllocationOffice() throws IOException {
        byte[] example = read("forvaltning-oppslag.json");

        Translation t = new OppslagTranslator(ForvaltningFormat.DEFAULT_MAX_BYTES).translate(example, "5601");

        assertThat(t).isInstanceOf(Translation.Accepted.class);
        assertThat(t.sak()).isEqualTo(SAK);
    }

    @Test
    void theRequestExampleWithConsentTranslatesWithItsSamtykker() throws IOException {
        Translation t = new OppslagTranslator(ForvaltningFormat.DEFAULT_MAX_BYTES)
                .translate(read("forvaltning-oppslag-tilleggssamtykke.json"), "5601");

        assertThat(t).isInstanceOf(Translation.Accepted.class);
        assertThat(((Translation.Accepted) t).request().samtykker()).isEqualTo(new Samtykker(true, false, false));
    }

    @Test
    void theIncompleteAnswerExampleIsWhatTheAdapterWrites() throws IOException {
        PatientSummary s = Fixtures.summary(Fixtures.restrictedView());
        PatientSummary incomplete = new PatientSummary(s.patientId(), s.helseindikator(), s.sections(), s.personalia(),
                s.fastlege(), s.paarorende(), s.legemidler(), s.kritiskInformasjon(), s.vaksiner(), s.besokshistorikk(),
                s.egneRegistreringer(), List.of(new Merknad(Section.PAARORENDE, "UKJENT_KODE",
                        "Ukjent relasjonskode XY for pårørende; relasjonen er vist som tekst.", "RelatedPerson",
                        "{\"resourceType\":\"RelatedPerson\"}")));
        LookupOutcome allowed = LookupOutcome.allowed(incomplete, Fixtures.restrictedView(), "KJB-000000000044", false,
                CORRELATION_ID);

        same("forvaltning-svar-ufullstendig.json", SvarWriter.write(SAK, allowed, INNFIL));
    }

    @Test
    void theAnswerExampleIsWhatTheAdapterWrites() throws IOException {
        LookupOutcome allowed = LookupOutcome.allowed(Fixtures.summary(Fixtures.restrictedView()),
                Fixtures.restrictedView(), "KJB-000000000042", false, CORRELATION_ID);

        same("forvaltning-svar.json", SvarWriter.write(SAK, allowed, INNFIL));
    }

    @Test
    void theErrorExamplesAreWhatTheAdapterWrites() throws IOException {
        same("forvaltning-feil.json", FeilWriter.write(SAK, "ACCESS_BASIS_NOT_ALLOWED",
                "emergency access (HPAKUTT) is not allowed for case worker with role SAKSBEHANDLER in TILDELINGSKONTOR",
                "REFUSED", "KJB-000000000043", INNFIL, Fixtures.PATIENT));
        same("forvaltning-feil-duplikat.json", FeilWriter.write(SAK,
                ForvaltningFormat.DUPLICATE, "a file with this name and content was received before and is not"
                        + " processed again; send a new request in a new file", "REFUSED", null, INNFIL, null));
    }

    private static void same(String name, byte[] written) throws IOException {
        assumeTrue(Files.isDirectory(EXAMPLES), "docs are not next to the module");
        if (Boolean.getBoolean("examples.write")) {
            Files.write(EXAMPLES.resolve(name), written);
        }
        assertThat(JSON.readTree(read(name))).as(name).isEqualTo(JSON.readTree(written));
    }

    private static byte[] read(String name) throws IOException {
        assumeTrue(Files.isDirectory(EXAMPLES), "docs are not next to the module");
        return Files.readAllBytes(EXAMPLES.resolve(name));
    }
}
