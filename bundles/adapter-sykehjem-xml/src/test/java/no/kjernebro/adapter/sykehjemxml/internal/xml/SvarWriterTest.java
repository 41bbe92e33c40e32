package no.kjernebro.adapter.sykehjemxml.internal.xml;

import static no.kjernebro.adapter.sykehjemxml.internal.xml.Fixtures.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.EgneRegistreringer;
import no.kjernebro.api.summary.Helseindikator;
import no.kjernebro.api.summary.Merknad;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.api.summary.Vaksine;
import org.junit.jupiter.api.Test;

class SvarWriterTest {

    private static final Set<Section> ALL = EnumSet.allOf(Section.class);

    @Test
    void fullSummaryRendersEverySectionAndValidates() {
        byte[] xml = SvarWriter.write(LookupOutcome.allowed(Fixtures.fullSummary(), ALL, "audit-0001", false, "m-1"));

        Xsd.validate(xml);
        Dom svar = Dom.of(xml);
        assertThat(svar.text("/s:KjernejournalSvar/s:MeldingsId")).isEqualTo("m-1");
        assertThat(svar.text("/s:KjernejournalSvar/s:Loggreferanse")).isEqualTo("audit-0001");
        assertThat(svar.text("/s:KjernejournalSvar/s:MerketForEtterkontroll")).isEqualTo("false");
        assertThat(svar.text("/s:KjernejournalSvar/s:Pasient/s:Fodselsnummer")).isEqualTo(PATIENT);
        assertThat(svar.count("//s:TildelteDeler/s:Del")).isEqualTo(8);

        assertThat(svar.text("//s:Helseindikator/s:Status")).isEqualTo("4");
        assertThat(svar.text("//s:Helseindikator/s:HarLegemidler")).isEqualTo("true");
        assertThat(svar.text("//s:SistEndretKritiskInfo/s:Dato")).isEqualTo("2025-03-02T10:15:00+01:00");
        assertThat(svar.text("//s:SistEndretKritiskInfo/s:Kategori[2]/s:Kode")).isEqualTo("BEHANDLING_IMPLANTAT");

        assertThat(svar.text("//s:Personalia/s:Etternavn")).isEqualTo("Testbeboer");
        assertThat(svar.text("//s:Personalia/s:Fodselsdato")).isEqualTo("1928-10-05");
        assertThat(svar.text("//s:Fastlege/s:HprNummer")).isEqualTo("9100001");
        assertThat(svar.count("//s:Paarorende/s:Person")).isEqualTo(2);
        assertThat(svar.text("//s:Paarorende/s:Person[s:Kontaktperson='true']/s:Navn")).isEqualTo("Anne Testnabo");

        assertThat(svar.text("//s:Legemidler/s:LasteResepterSkjult")).isEqualTo("false");
        assertThat(svar.count("//s:Legemiddelliste/s:Oppforing")).isEqualTo(4);
        assertThat(svar.count("//s:Legemiddelliste/s:Oppforing[s:Multidose='true']")).isEqualTo(2);
        assertThat(svar.text("//s:Legemiddelliste/s:Oppforing[s:Navn='Albyl-E']/s:Status")).isEqualTo("SEPONERT");
        assertThat(svar.text("//s:Legemiddelliste/s:Oppforing[s:Navn='Paracet']/s:Utlevert")).isEmpty();
        assertThat(svar.text("//s:Naeringsmidler/s:Oppforing/s:Navn")).isEqualTo("Nutridrink Compact");
        assertThat(svar.text("//s:Forbruksmateriell/s:Oppforing/s:Navn")).isEqualTo("Stomipose");

        assertThat(svar.count("//s:KritiskInformasjon/s:Kategori")).isEqualTo(3);
        assertThat(svar.text("//s:KritiskInformasjon/s:Kategori[1]/@kode")).isEqualTo("ALLERGI");
        assertThat(svar.text("//s:KritiskInformasjon/s:Kategori[@kode='ALLERGI']/s:Oppforing/s:Beskrivelse"))
                .isEqualTo("Penicillin: anafylaksi");
        assertThat(svar.text("//s:KritiskInformasjon/s:Kategori[@kode='BEHANDLING_IMPLANTAT']/s:Oppforing/s:Registrert"))
                .isEqualTo("2018-06-20");

        assertThat(svar.count("//s:Vaksiner/s:Vaksine")).isEqualTo(2);
        assertThat(svar.text("//s:Vaksiner/s:Vaksine[1]/s:Kode")).isEqualTo("J07BB02");
        assertThat(svar.text("//s:Besokshistorikk/s:Besok/s:Til")).isEqualTo("2024-02-18");
        assertThat(svar.text("//s:EgneRegistreringer/s:Sykdom")).isEqualTo("Diabetes type 2");
        assertThat(svar.text("//s:EgneRegistreringer/s:Kommunikasjonsbehov")).startsWith("Hører dårlig");
    }

    @Test
    void onlyGrantedSectionsAppear() {
        Set<Section> granted = EnumSet.of(Section.LEGEMIDLER, Section.KRITISK_INFORMASJON);
        byte[] xml = SvarWriter.write(LookupOutcome.allowed(Fixtures.summary(granted), granted, "audit-2", false, "m-2"));

        Xsd.validate(xml);
        Dom svar = Dom.of(xml);
        assertThat(svar.count("//s:TildelteDeler/s:Del")).isEqualTo(2);
        assertThat(svar.count("/s:KjernejournalSvar/s:Legemidler")).isEqualTo(1);
        assertThat(svar.count("/s:KjernejournalSvar/s:KritiskInformasjon")).isEqualTo(1);
        assertThat(svar.count("/s:KjernejournalSvar/s:Personalia | /s:KjernejournalSvar/s:Fastlege"
                + " | /s:KjernejournalSvar/s:Paarorende | /s:KjernejournalSvar/s:Vaksiner"
                + " | /s:KjernejournalSvar/s:Besokshistorikk | /s:KjernejournalSvar/s:EgneRegistreringer")).isZero();
    }

    @Test
    void grantedButEmptySectionsAreEmptyElements() {
        PatientSummary empty = new PatientSummary(PATIENT,
                new Helseindikator(2, "Kjernejournal finnes", false, false, false, List.of(), null),
                ALL, null, null, List.of(), null, List.of(), List.of(), List.of(), null);
        byte[] xml = SvarWriter.write(LookupOutcome.allowed(empty, ALL, "audit-3", false, "m-3"));

        Xsd.validate(xml);
        Dom svar = Dom.of(xml);
        for (String section : List.of("Personalia", "Fastlege", "Paarorende", "Legemidler", "KritiskInformasjon",
                "Vaksiner", "Besokshistorikk", "EgneRegistreringer")) {
            assertThat(svar.count("/s:KjernejournalSvar/s:" + section + "[not(*)]")).as(section).isEqualTo(1);
        }
        assertThat(svar.count("//s:SistEndretKritiskInfo")).isZero();
    }

    @Test
    void emergencyAccessCarriesTheReviewMarker() {
        Set<Section> granted = EnumSet.of(Section.KRITISK_INFORMASJON);
        byte[] xml = SvarWriter.write(LookupOutcome.allowed(Fixtures.summary(granted), granted, "audit-4", true, "m-4"));

        assertThat(Dom.of(xml).text("/s:KjernejournalSvar/s:MerketForEtterkontroll")).isEqualTo("true");
    }

    @Test
    void noKjernejournalRendersTheHelseindikatorAlone() {
        PatientSummary none = new PatientSummary(PATIENT,
                new Helseindikator(1, "Pasienten har ikke kjernejournal", false, false, false, List.of(), null),
                Set.of(), null, null, null, null, null, null, null, null);
        byte[] xml = SvarWriter.write(LookupOutcome.allowed(none, Set.of(), "audit-5", false, "m-5"));

        Xsd.validate(xml);
        Dom svar = Dom.of(xml);
        assertThat(svar.text("//s:Helseindikator/s:Status")).isEqualTo("1");
        assertThat(svar.count("//s:TildelteDeler/*")).isZero();
        assertThat(svar.text("/s:KjernejournalSvar/s:Fullstendig")).isEqualTo("true");
        assertThat(svar.count("/s:KjernejournalSvar/*")).isEqualTo(7);
    }

    @Test
    void completeSummaryIsSaidToBeCompleteWithoutMerknader() {
        byte[] xml = SvarWriter.write(LookupOutcome.allowed(Fixtures.fullSummary(), ALL, "audit-7", false, "m-7"));

        Dom svar = Dom.of(xml);
        assertThat(svar.text("/s:KjernejournalSvar/s:Fullstendig")).isEqualTo("true");
        assertThat(svar.count("//s:Merknader")).isZero();
    }

    @Test
    void incompleteSummaryIsSaidToBeIncompleteWithEveryMerknadButNotItsContent() {
        PatientSummary full = Fixtures.fullSummary();
        PatientSummary incomplete = new PatientSummary(PATIENT, full.helseindikator(), ALL, full.personalia(),
                full.fastlege(), full.paarorende(), full.legemidler(), full.kritiskInformasjon(), full.vaksiner(),
                full.besokshistorikk(), full.egneRegistreringer(), List.of(
                        new Merknad(Section.KRITISK_INFORMASJON, "MODUL_SPERRET",
                                "Pasienten har sperret kritisk informasjon.", "OperationOutcome", null),
                        new Merknad(Section.LEGEMIDLER, "UKJENT_KODE", "Ukjent status på et legemiddel.",
                                "MedicationStatement", "{\"status\":\"hemmelig-innhold-1\"}"),
                        new Merknad(null, "UKJENT_RESSURSTYPE", "En oppføring av ukjent type vises ikke.",
                                "DeviceUseStatement", null),
                        new Merknad(null, null, null, null, "hemmelig-innhold-2")));
        byte[] xml = SvarWriter.write(LookupOutcome.allowed(incomplete, ALL, "audit-8", false, "m-8"));

        Xsd.validate(xml);
        Dom svar = Dom.of(xml);
        assertThat(svar.text("/s:KjernejournalSvar/s:Fullstendig")).isEqualTo("false");
        assertThat(svar.count("/s:KjernejournalSvar/s:Merknader/s:Merknad")).isEqualTo(4);
        assertThat(svar.text("//s:Merknad[1]/s:Kode")).isEqualTo("MODUL_SPERRET");
        assertThat(svar.text("//s:Merknad[1]/s:Seksjon")).isEqualTo("KRITISK_INFORMASJON");
        assertThat(svar.text("//s:Merknad[1]/s:Tekst")).isEqualTo("Pasienten har sperret kritisk informasjon.");
        assertThat(svar.text("//s:Merknad[1]/s:Ressurstype")).isEqualTo("OperationOutcome");
        assertThat(svar.text("//s:Merknad[2]/s:Seksjon")).isEqualTo("LEGEMIDLER");
        assertThat(svar.count("//s:Merknad[3]/s:Seksjon")).as("no section: left out").isZero();
        assertThat(svar.text("//s:Merknad[3]/s:Ressurstype")).isEqualTo("DeviceUseStatement");
        assertThat(svar.text("//s:Merknad[4]/s:Kode")).as("a merknad without a code still says something").isEqualTo("UKJENT");
        assertThat(svar.text("//s:Merknad[4]/s:Tekst")).isNotBlank();
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("hemmelig-innhold");
    }

    @Test
    void textThatXmlCannotCarryIsCleanedAndMarkupEscaped() {
        Set<Section> granted = EnumSet.of(Section.VAKSINER, Section.EGNE_REGISTRERINGER);
        PatientSummary odd = new PatientSummary(PATIENT, null, granted, null, null, null, null, null,
                List.of(new Vaksine("Vaksine\u0000 <&> \"A\"", null, null, null)), null,
                new EgneRegistreringer(List.of("linje 1\u0007"), null, "]]> ikke CDATA"));
        byte[] xml = SvarWriter.write(LookupOutcome.allowed(odd, granted, "audit-6", false, "m-6"));

        Xsd.validate(xml);
        Dom svar = Dom.of(xml);
        assertThat(svar.text("//s:Vaksine/s:Navn")).isEqualTo("Vaksine <&> \"A\"");
        assertThat(svar.text("//s:Kommunikasjonsbehov")).isEqualTo("linje 1");
        assertThat(svar.text("//s:Annet")).isEqualTo("]]> ikke CDATA");
    }

    @Test
    void answerIsUtf8WithDeclaration() {
        Set<Section> granted = EnumSet.of(Section.PERSONALIA);
        String xml = new String(SvarWriter.write(LookupOutcome.allowed(Fixtures.summary(granted), granted, "a", false, "m")),
                StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(xml).contains("<KjernejournalSvar xmlns=\"urn:no:kjernebro:epj:sykehjem:oppslag:v1\">");
    }
}
