package no.kjernebro.core.internal.kj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import no.kjernebro.api.summary.Besok;
import no.kjernebro.api.summary.Fastlege;
import no.kjernebro.api.summary.Helseindikator;
import no.kjernebro.api.summary.KritiskInformasjon;
import no.kjernebro.api.summary.Legemiddel;
import no.kjernebro.api.summary.Legemidler;
import no.kjernebro.api.summary.Paarorende;
import no.kjernebro.api.summary.Personalia;
import no.kjernebro.api.summary.Vaksine;
import org.junit.jupiter.api.Test;

class MappersTest {

    static JsonNode sample(String name) {
        try (InputStream in = MappersTest.class.getResourceAsStream("/kj/" + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void mapsTheFhirBundle() {
        FhirBundleMapper.Content c = FhirBundleMapper.map(sample("everything.json"));
        assertThat(c.personalia()).isEqualTo(new Personalia("Ingrid Marie", "Testesen", LocalDate.of(1928, 10, 5),
                "female", "Sykehjemsveien 1", "9510", "Alta", "Enke"));
        assertThat(c.fastlege()).isEqualTo(new Fastlege("Lise Testlege", "9100001", "Alta legesenter", "990560102", "78 00 00 00"));
        assertThat(c.paarorende()).containsExactly(
                new Paarorende("Kari Testesen", "Datter", "900 00 001", false),
                new Paarorende("Ola Nabo", "Kontaktperson", "900 00 002", true));
        assertThat(c.kritiskInformasjon()).containsExactly(
                new KritiskInformasjon(KritiskInformasjon.Kategori.ALLERGI, "J01C", "Penicillin", "high",
                        LocalDate.of(2025, 3, 2), "Lise Testlege (HPR 9100001)"),
                new KritiskInformasjon(KritiskInformasjon.Kategori.KOMPLIKASJON_ANESTESI, "T88.3", "Malign hypertermi",
                        "Alvorlig", LocalDate.of(2019, 6, 12), "Per Anestesilege"),
                new KritiskInformasjon(KritiskInformasjon.Kategori.BEHANDLING_IMPLANTAT, "Z95.0", "Pacemaker", null,
                        LocalDate.of(2021, 1, 20), "Lise Testlege (HPR 9100001)"));
        assertThat(c.vaksiner()).containsExactly(new Vaksine("Influensavaksine", "J07BB", LocalDate.of(2024, 10, 15), "Alta sykehjem"));
        assertThat(c.besokshistorikk()).containsExactly(
                new Besok("Universitetssykehuset Nord-Norge", null, "Innleggelse", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 6)),
                new Besok("Finnmarkssykehuset Hammerfest", null, "AMB", LocalDate.of(2023, 5, 10), null));
        assertThat(c.egneRegistreringer().kommunikasjonsbehov()).containsExactly("Trenger tolk (nordsamisk)");
        assertThat(c.egneRegistreringer().sykdommer()).containsExactly("Artrose i hoftene");
    }

    @Test
    void anEmptyBundleGivesEmptySections() throws Exception {
        FhirBundleMapper.Content c = FhirBundleMapper.map(new ObjectMapper().readTree("{\"resourceType\":\"Bundle\"}"));
        assertThat(c.personalia()).isNull();
        assertThat(c.kritiskInformasjon()).isEmpty();
        assertThat(c.egneRegistreringer().sykdommer()).isEmpty();
    }

    @Test
    void anOperationOutcomeIsNotABundle() throws Exception {
        assertThatThrownBy(() -> FhirBundleMapper.map(new ObjectMapper().readTree("{\"resourceType\":\"OperationOutcome\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsMedication() {
        Legemidler l = LegemiddelMapper.map(sample("legemidler.json"));
        assertThat(l.lasteResepterSkjult()).isTrue();
        assertThat(l.items()).hasSize(5);
        assertThat(l.items().get(0)).isEqualTo(new Legemiddel(Legemiddel.Kategori.LEGEMIDDEL, "Paracet", "N02BE01",
                "500 mg", "1 tablett 3 ganger daglig", Legemiddel.Status.UTLEVERT, true,
                LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 12), "Lise Testlege"));
        assertThat(l.items().get(1).status()).isEqualTo(Legemiddel.Status.SEPONERT);
        assertThat(l.items().get(1).dispensed()).isNull();
        assertThat(l.ofKategori(Legemiddel.Kategori.NAERINGSMIDDEL)).extracting(Legemiddel::name).containsExactly("Nutridrink");
        assertThat(l.ofKategori(Legemiddel.Kategori.FORBRUKSMATERIELL)).extracting(Legemiddel::name).containsExactly("Stomipose");
        // an unknown category is still shown, as a medicine; an unknown status is left empty
        assertThat(l.items().get(4).kategori()).isEqualTo(Legemiddel.Kategori.LEGEMIDDEL);
        assertThat(l.items().get(4).status()).isNull();
    }

    @Test
    void mapsTheHelseindikator() {
        Helseindikator h = HelseindikatorMapper.map(sample("helseindikator.json"));
        assertThat(h.status()).isEqualTo(4);
        assertThat(h.harKjernejournal()).isTrue();
        assertThat(h.harLegemidler()).isTrue();
        assertThat(h.eksistererBlokkertHelsepersonell()).isFalse();
        assertThat(h.sistEndretKritiskInfo()).containsExactly(
                new Helseindikator.KategoriEndret("ALLERGI", OffsetDateTime.parse("2025-03-02T10:15:00+01:00")));
        assertThat(h.sistEndretKritiskInfoDato()).isEqualTo(OffsetDateTime.parse("2025-03-02T10:15:00+01:00"));
    }
}
