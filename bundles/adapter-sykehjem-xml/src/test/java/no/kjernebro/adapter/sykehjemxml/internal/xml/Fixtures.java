package no.kjernebro.adapter.sykehjemxml.internal.xml;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Besok;
import no.kjernebro.api.summary.EgneRegistreringer;
import no.kjernebro.api.summary.Fastlege;
import no.kjernebro.api.summary.Helseindikator;
import no.kjernebro.api.summary.KritiskInformasjon;
import no.kjernebro.api.summary.Legemiddel;
import no.kjernebro.api.summary.Legemidler;
import no.kjernebro.api.summary.Paarorende;
import no.kjernebro.api.summary.PatientSummary;
import no.kjernebro.api.summary.Personalia;
import no.kjernebro.api.summary.Vaksine;

/** Demo data from docs/contracts.md (Alta 5601, nurse HPR 9100002, patient 05902823095): synthetic only. */
public final class Fixtures {

    public static final String PATIENT = "05902823095";

    /** A nurse's request for the demo resident, every optional element present. */
    public static final String NURSE_REQUEST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <KjernejournalOppslag xmlns="urn:no:kjernebro:epj:sykehjem:oppslag:v1">
              <MeldingsId>7d0c5c1e-2f4b-4d7a-9a57-0b7f3c1e9a01</MeldingsId>
              <Avsender>
                <Kommunenummer>5601</Kommunenummer>
                <Organisasjonsnummer>990560102</Organisasjonsnummer>
                <Enhet>Alta sykehjem, avdeling Elvebakken</Enhet>
                <System>
                  <Navn>Omsorgsjournal</Navn>
                  <Versjon>4.2.1</Versjon>
                </System>
              </Avsender>
              <Bruker>
                <HprNummer>9100002</HprNummer>
                <Navn>Siv Testsykepleier</Navn>
                <Helsepersonellkategori>SP</Helsepersonellkategori>
              </Bruker>
              <Pasient>
                <Fodselsnummer>05902823095</Fodselsnummer>
              </Pasient>
              <Tjenestested>LANGTID</Tjenestested>
              <Tilgangsgrunnlag>HPMOTTATTSAMTYKKE</Tilgangsgrunnlag>
              <OnsketInnhold>
                <Del>LEGEMIDLER</Del>
                <Del>KRITISK_INFORMASJON</Del>
              </OnsketInnhold>
            </KjernejournalOppslag>
            """;

    /** A case worker's request, without the optional elements. */
    public static final String CASE_WORKER_REQUEST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <KjernejournalOppslag xmlns="urn:no:kjernebro:epj:sykehjem:oppslag:v1">
              <Avsender>
                <Kommunenummer>5601</Kommunenummer>
                <Organisasjonsnummer>990560102</Organisasjonsnummer>
                <Enhet>Tildelingskontoret</Enhet>
                <System><Navn>Omsorgsjournal</Navn></System>
              </Avsender>
              <Saksbehandler>
                <HelseIdSubjekt>hid-sb-5601-0001</HelseIdSubjekt>
                <Navn>Sara Testsaksbehandler</Navn>
                <Rolle>SAKSBEHANDLER</Rolle>
              </Saksbehandler>
              <Pasient><Fodselsnummer>05902823095</Fodselsnummer></Pasient>
              <Tjenestested>KORTTID</Tjenestested>
              <Tilgangsgrunnlag>HPUNNTAK</Tilgangsgrunnlag>
            </KjernejournalOppslag>
            """;

    private Fixtures() {
    }

    public static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The demo resident's kjernejournal with every section. */
    public static PatientSummary fullSummary() {
        OffsetDateTime changed = OffsetDateTime.parse("2025-03-02T10:15:00+01:00");
        return new PatientSummary(PATIENT,
                new Helseindikator(4, "Pasienten har kritisk informasjon", false, false, true,
                        List.of(new Helseindikator.KategoriEndret("ALLERGI", changed),
                                new Helseindikator.KategoriEndret("BEHANDLING_IMPLANTAT",
                                        OffsetDateTime.parse("2024-11-20T08:00:00+01:00"))),
                        changed),
                EnumSet.allOf(Section.class),
                new Personalia("Ragnhild", "Testbeboer", LocalDate.of(1928, 10, 5), "kvinne",
                        "Elvebakken 12", "9510", "ALTA", "enke"),
                new Fastlege("Lise Testlege", "9100001", "Alta Testlegesenter", "990560110", "78 40 00 00"),
                List.of(new Paarorende("Ola Testsønn", "sønn", "900 00 001", false),
                        new Paarorende("Anne Testnabo", "nabo", "900 00 002", true)),
                new Legemidler(List.of(
                        new Legemiddel(Legemiddel.Kategori.LEGEMIDDEL, "Marevan", "B01AA03", "2,5 mg",
                                "etter INR-skjema", Legemiddel.Status.UTLEVERT, true,
                                LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 12), "Lise Testlege"),
                        new Legemiddel(Legemiddel.Kategori.LEGEMIDDEL, "Furix", "C03CA01", "40 mg",
                                "1 tablett morgen", Legemiddel.Status.UTLEVERT, true,
                                LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 12), "Lise Testlege"),
                        new Legemiddel(Legemiddel.Kategori.LEGEMIDDEL, "Paracet", "N02BE01", "500 mg",
                                "ved behov, maks 6 per døgn", Legemiddel.Status.GYLDIG_IKKE_UTLEVERT, false,
                                LocalDate.of(2025, 2, 1), null, "Lise Testlege"),
                        new Legemiddel(Legemiddel.Kategori.LEGEMIDDEL, "Albyl-E", "B01AC06", "75 mg",
                                "1 tablett daglig", Legemiddel.Status.SEPONERT, false,
                                LocalDate.of(2023, 5, 2), LocalDate.of(2023, 5, 3), "Lise Testlege"),
                        new Legemiddel(Legemiddel.Kategori.NAERINGSMIDDEL, "Nutridrink Compact", null, null,
                                "1 flaske daglig", Legemiddel.Status.UTLEVERT, false,
                                LocalDate.of(2025, 1, 15), LocalDate.of(2025, 1, 16), "Lise Testlege"),
                        new Legemiddel(Legemiddel.Kategori.FORBRUKSMATERIELL, "Stomipose", null, null,
                                null, Legemiddel.Status.UTLEVERT, false,
                                LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 3), "Lise Testlege")),
                        false),
                List.of(new KritiskInformasjon(KritiskInformasjon.Kategori.ALLERGI, "J01CE",
                                "Penicillin: anafylaksi", "høy", LocalDate.of(2019, 4, 2), "Lise Testlege (9100001)"),
                        new KritiskInformasjon(KritiskInformasjon.Kategori.KOMPLIKASJON_ANESTESI, null,
                                "Malign hypertermi i slekten", "høy", LocalDate.of(2015, 9, 1), "Lise Testlege (9100001)"),
                        new KritiskInformasjon(KritiskInformasjon.Kategori.BEHANDLING_IMPLANTAT, null,
                                "Pacemaker", null, LocalDate.of(2018, 6, 20), "Lise Testlege (9100001)")),
                List.of(new Vaksine("Influensavaksine", "J07BB02", LocalDate.of(2024, 10, 15), "Siv Testsykepleier"),
                        new Vaksine("Pneumokokkvaksine", "J07AL02", LocalDate.of(2021, 3, 3), "Siv Testsykepleier")),
                List.of(new Besok("Universitetssykehuset Nord-Norge", "Ortopedisk avdeling", "innleggelse",
                        LocalDate.of(2024, 2, 10), LocalDate.of(2024, 2, 18))),
                new EgneRegistreringer(List.of("Hører dårlig: snakk tydelig og vend ansiktet mot meg"),
                        List.of("Diabetes type 2"), "Ønsker at sønnen varsles ved innleggelse"));
    }

    /** The summary as the policy restricted it. */
    public static PatientSummary summary(Set<Section> granted) {
        return fullSummary().restrictedTo(granted);
    }
}
