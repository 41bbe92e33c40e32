package no.kjernebro.adapter.forvaltningfil.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Merknad;
import no.kjernebro.api.summary.PatientSummary;
import org.junit.jupiter.api.Test;

class WritersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Saksreferanse SAK = new Saksreferanse("2026/1234", "m-1", "5601", "VURDERING_AV_TJENESTE",
            "2026/1234/m-1");

    @Test
    void restrictedViewShowsPersonaliaGpAndNextOfKinOnlyAndHidesTheCriticalInformationFlag() throws Exception {
        LookupOutcome outcome = LookupOutcome.allowed(Fixtures.summary(Fixtures.restrictedView()), Fixtures.restrictedView(),
                "ref-1", false, "2026/1234/m-1");

        JsonNode svar = JSON.readTree(SvarWriter.write(SAK, outcome, "sak-1234.json"));

        assertThat(svar.path("status").asText()).isEqualTo("OK");
        assertThat(svar.path("saksnummer").asText()).isEqualTo("2026/1234");
        assertThat(svar.path("meldingsId").asText()).isEqualTo("m-1");
        assertThat(svar.path("korrelasjonsId").asText()).isEqualTo("2026/1234/m-1");
        assertThat(svar.path("loggreferanse").asText()).isEqualTo("ref-1");
        assertThat(svar.path("innfil").asText()).isEqualTo("sak-1234.json");
        assertThat(svar.path("tildelteOpplysninger")).extracting(JsonNode::asText)
                .containsExactly("PERSONALIA", "FASTLEGE", "PAARORENDE");
        assertThat(svar.path("bruker").path("fodselsnummer").asText()).isEqualTo(Fixtures.PATIENT);
        assertThat(svar.path("bruker").path("harKjernejournal").asBoolean()).isTrue();
        assertThat(svar.path("personalia").path("etternavn").asText()).isEqualTo("Testesen");
        assertThat(svar.path("personalia").path("adresse").path("poststed").asText()).isEqualTo("Alta");
        assertThat(svar.path("fastlege").path("hprNummer").asText()).isEqualTo("9100001");
        assertThat(svar.path("paarorende").get(0).path("relasjon").asText()).isEqualTo("datter");
        assertThat(svar.has("helseindikator")).as("status 4 would reveal critical information").isFalse();
        assertThat(svar.has("legemidler")).isFalse();
        assertThat(svar.has("kritiskInformasjon")).isFalse();
        assertThat(svar.has("vaksiner")).isFalse();
    }

    @Test
    void aGrantedSectionIsRenderedEvenWhenAPolicyOverrideAddsIt() throws Exception {
        EnumSet<Section> more = EnumSet.of(Section.PERSONALIA, Section.KRITISK_INFORMASJON, Section.LEGEMIDLER);
        LookupOutcome outcome = LookupOutcome.allowed(Fixtures.summary(more), more, "ref-1", false, "c");

        JsonNode svar = JSON.readTree(SvarWriter.write(SAK, outcome, "x.json"));

        assertThat(svar.path("helseindikator").path("status").asInt()).isEqualTo(4);
        assertThat(svar.path("kritiskInformasjon").get(0).path("kategori").asText()).isEqualTo("ALLERGI");
        assertThat(svar.path("legemidler").path("oppforinger").get(0).path("multidose").asBoolean()).isTrue();
        assertThat(svar.has("fastlege")).isFalse();
    }

    @Test
    void completeSummaryIsSaidToBeCompleteWithNoMerknader() throws Exception {
        LookupOutcome outcome = LookupOutcome.allowed(Fixtures.summary(Fixtures.restrictedView()), Fixtures.restrictedView(),
                "ref-1", false, "c");

        JsonNode svar = JSON.readTree(SvarWriter.write(SAK, outcome, "x.json"));

        assertThat(svar.path("fullstendig").isBoolean()).isTrue();
        assertThat(svar.path("fullstendig").booleanValue()).isTrue();
        assertThat(svar.path("merknader").isArray()).isTrue();
        assertThat(svar.path("merknader")).isEmpty();
    }

    @Test
    void incompleteSummaryIsSaidToBeIncompleteWithEveryMerknadButNotItsContent() throws Exception {
        PatientSummary s = Fixtures.summary(Fixtures.restrictedView());
        PatientSummary incomplete = new PatientSummary(s.patientId(), s.helseindikator(), s.sections(), s.personalia(),
                s.fastlege(), s.paarorende(), s.legemidler(), s.kritiskInformasjon(), s.vaksiner(), s.besokshistorikk(),
                s.egneRegistreringer(), List.of(
                        new Merknad(Section.PAARORENDE, "UKJENT_KODE", "En relasjon har en ukjent kode.", "RelatedPerson",
                                "{\"relationship\":\"hemmelig-innhold\"}"),
                        new Merknad(null, null, " ", null, null)));
        LookupOutcome outcome = LookupOutcome.allowed(incomplete, Fixtures.restrictedView(), "ref-1", false, "c");

        byte[] bytes = SvarWriter.write(SAK, outcome, "x.json");
        JsonNode svar = JSON.readTree(bytes);

        assertThat(svar.path("fullstendig").booleanValue()).isFalse();
        assertThat(svar.path("merknader")).hasSize(2);
        JsonNode first = svar.path("merknader").get(0);
        assertThat(first.path("kode").asText()).isEqualTo("UKJENT_KODE");
        assertThat(first.path("seksjon").asText()).isEqualTo("PAARORENDE");
        assertThat(first.path("tekst").asText()).isEqualTo("En relasjon har en ukjent kode.");
        assertThat(first.path("ressurstype").asText()).isEqualTo("RelatedPerson");
        JsonNode bare = svar.path("merknader").get(1);
        assertThat(bare.path("kode").asText()).isEqualTo("UKJENT");
        assertThat(bare.path("tekst").asText()).isNotBlank();
        assertThat(bare.has("seksjon")).isFalse();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("hemmelig-innhold").doesNotContain("innhold");
    }

    @Test
    void errorFilesNeverNameThePatient() throws Exception {
        byte[] feil = FeilWriter.write(SAK, "INVALID_PATIENT_ID", "05902823096 is not valid", "REFUSED", "ref-2",
                "sak-05902823096.json", "05902823096");

        String text = new String(feil, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("05902823096");
        JsonNode node = JSON.readTree(feil);
        assertThat(node.path("status").asText()).isEqualTo("FEIL");
        assertThat(node.path("feil").path("kode").asText()).isEqualTo("INVALID_PATIENT_ID");
        assertThat(node.path("feil").path("utfall").asText()).isEqualTo("REFUSED");
        assertThat(node.path("feil").path("melding").asText()).isEqualTo("*********96 is not valid");
        assertThat(node.path("loggreferanse").asText()).isEqualTo("ref-2");
        assertThat(node.path("innfil").asText()).isEqualTo("sak-*********96.json");
    }
}
