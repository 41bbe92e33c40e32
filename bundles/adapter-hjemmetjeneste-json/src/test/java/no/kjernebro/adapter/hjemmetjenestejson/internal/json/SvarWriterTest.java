package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Merknad;
import no.kjernebro.api.summary.PatientSummary;
import org.junit.jupiter.api.Test;

class SvarWriterTest {

    @Test
    void onlyGrantedPartsArePresent() throws Exception {
        Set<Section> granted = EnumSet.of(Section.LEGEMIDLER, Section.KRITISK_INFORMASJON);

        JsonNode svar = write(LookupOutcome.allowed(Fixtures.summary(granted), granted, "audit-1", false, "req-1"));

        assertThat(svar.path("requestId").asText()).isEqualTo("req-1");
        assertThat(svar.path("auditRef").asText()).isEqualTo("audit-1");
        assertThat(svar.path("included")).extracting(JsonNode::asText).containsExactly("medisiner", "kritiskInfo");
        assertThat(svar.path("patient").path("personnummer").asText()).isEqualTo(Fixtures.PATIENT);
        assertThat(svar.path("patient").has("firstName")).isFalse();
        assertThat(svar.path("kjStatus").path("code").asInt()).isEqualTo(4);
        assertThat(svar.path("medisiner").path("items")).hasSize(3);
        assertThat(svar.path("medisiner").path("items").get(1).path("multidose").asBoolean()).isTrue();
        assertThat(svar.path("kritiskInfo").get(0).path("kategori").asText()).isEqualTo("ALLERGI");
        assertThat(svar.has("fastlege")).isFalse();
        assertThat(svar.has("vaksiner")).isFalse();
        assertThat(svar.has("parorende")).isFalse();
    }

    @Test
    void everythingWhenEverythingIsGranted() throws Exception {
        Set<Section> all = EnumSet.allOf(Section.class);

        JsonNode svar = write(LookupOutcome.allowed(Fixtures.summary(all), all, "audit-1", true, "req-1"));

        assertThat(svar.path("needsReview").asBoolean()).isTrue();
        assertThat(svar.path("included")).hasSize(8);
        assertThat(svar.path("patient").path("address").path("city").asText()).isEqualTo("Alta");
        assertThat(svar.path("fastlege").path("hprNr").asText()).isEqualTo("9100001");
        assertThat(svar.path("parorende").get(0).path("relation").asText()).isEqualTo("sønn");
        assertThat(svar.path("vaksiner").get(0).path("date").asText()).isEqualTo("2024-10-15");
        assertThat(svar.path("besok").get(0).path("to").asText()).isEqualTo("2023-11-09");
        assertThat(svar.path("egneRegistreringer").path("communicationNeeds").get(0).asText()).isEqualTo("Hører dårlig");
    }

    @Test
    void completeSummaryIsSaidToBeCompleteWithNoMerknader() throws Exception {
        Set<Section> all = EnumSet.allOf(Section.class);

        JsonNode svar = write(LookupOutcome.allowed(Fixtures.summary(all), all, "audit-1", false, "req-1"));

        assertThat(svar.path("fullstendig").isBoolean()).isTrue();
        assertThat(svar.path("fullstendig").booleanValue()).isTrue();
        assertThat(svar.path("merknader").isArray()).isTrue();
        assertThat(svar.path("merknader")).isEmpty();
    }

    @Test
    void incompleteSummaryIsSaidToBeIncompleteWithEveryMerknadButNotItsContent() throws Exception {
        Set<Section> granted = EnumSet.of(Section.LEGEMIDLER, Section.KRITISK_INFORMASJON);
        PatientSummary s = Fixtures.summary(granted);
        PatientSummary incomplete = new PatientSummary(s.patientId(), s.helseindikator(), s.sections(), s.personalia(),
                s.fastlege(), s.paarorende(), s.legemidler(), s.kritiskInformasjon(), s.vaksiner(), s.besokshistorikk(),
                s.egneRegistreringer(), List.of(
                        new Merknad(Section.KRITISK_INFORMASJON, "MODUL_SPERRET", "Pasienten har sperret kritisk informasjon.",
                                "OperationOutcome", null),
                        new Merknad(Section.LEGEMIDLER, "UKJENT_KODE", "Ukjent status på et legemiddel.",
                                "MedicationStatement", "{\"status\":\"hemmelig-innhold\"}"),
                        new Merknad(null, null, null, null, null)));

        byte[] bytes = SvarWriter.write(LookupOutcome.allowed(incomplete, granted, "audit-1", false, "req-1"));
        JsonNode svar = new ObjectMapper().readTree(bytes);

        assertThat(svar.path("fullstendig").booleanValue()).isFalse();
        assertThat(svar.path("merknader")).hasSize(3);
        JsonNode first = svar.path("merknader").get(0);
        assertThat(first.path("kode").asText()).isEqualTo("MODUL_SPERRET");
        assertThat(first.path("seksjon").asText()).as("the dialect's part name").isEqualTo("kritiskInfo");
        assertThat(first.path("tekst").asText()).isEqualTo("Pasienten har sperret kritisk informasjon.");
        assertThat(first.path("ressurstype").asText()).isEqualTo("OperationOutcome");
        assertThat(svar.path("merknader").get(1).path("seksjon").asText()).isEqualTo("medisiner");
        JsonNode bare = svar.path("merknader").get(2);
        assertThat(bare.path("kode").asText()).isEqualTo("UKJENT");
        assertThat(bare.path("tekst").asText()).isNotBlank();
        assertThat(bare.has("seksjon")).isFalse();
        assertThat(bare.has("ressurstype")).isFalse();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("hemmelig-innhold").doesNotContain("innhold");
    }

    @Test
    void problemsNeverNameThePatient() throws Exception {
        JsonNode problem = new ObjectMapper().readTree(ProblemWriter.write("INVALID_PATIENT_ID", 422,
                "the national identity number is not valid", "05902823095 failed the checksum", "REFUSED", "r-1", "a-1"));

        assertThat(problem.path("type").asText()).isEqualTo("urn:kjernebro:hjemmetjeneste-json:problem:invalid-patient-id");
        assertThat(problem.path("errorCode").asText()).isEqualTo("INVALID_PATIENT_ID");
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("detail").asText()).isEqualTo("*********95 failed the checksum");
        assertThat(problem.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(problem.path("auditRef").asText()).isEqualTo("a-1");
    }

    private static JsonNode write(LookupOutcome outcome) throws Exception {
        return new ObjectMapper().readTree(SvarWriter.write(outcome));
    }
}
