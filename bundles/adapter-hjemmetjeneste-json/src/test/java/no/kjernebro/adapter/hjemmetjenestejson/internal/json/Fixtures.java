package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
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

/** Demo data (synthetic identity numbers only, docs/contracts.md) and the documented request. */
public final class Fixtures {

    public static final String PATIENT = "05902823095";

    /** The request of docs/adapters/examples/hjemmetjeneste-oppslag.json. */
    public static final String NURSE_REQUEST = """
            {
              "requestId": "hb-20250310-0815-17",
              "kommuneNr": "5601",
              "orgNr": "990560102",
              "careUnit": "Hjemmesykepleien sone sentrum",
              "clientSystem": { "name": "Omsorg Mobil", "version": "24.2" },
              "employee": { "hprNr": "9100002", "name": "Siv Testsykepleier", "helsepersonellKategori": "SP" },
              "patient": { "personnummer": "05902823095", "internalId": "PAS-88123" },
              "visitId": "besok-2025-03-10-0815",
              "tilgangsgrunnlag": "HPMOTTATTSAMTYKKE",
              "include": ["medisiner", "kritiskInfo"]
            }
            """;

    private Fixtures() {
    }

    public static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    public static PatientSummary summary(Set<Section> granted) {
        return fullSummary().restrictedTo(granted);
    }

    public static PatientSummary fullSummary() {
        OffsetDateTime changed = OffsetDateTime.parse("2025-03-02T10:15:00+01:00");
        return new PatientSummary(PATIENT,
                new Helseindikator(4, "Pasienten har kritisk informasjon", false, false, true,
                        List.of(new Helseindikator.KategoriEndret("ALLERGI", changed)), changed),
                EnumSet.allOf(Section.class),
                new Personalia("Ragnhild", "Testbeboer", LocalDate.of(1928, 10, 5), "kvinne", "Storgata 1", "9510",
                        "Alta", "enke"),
                new Fastlege("Lise Testlege", "9100001", "Alta Testlegesenter", "990560110", "78 40 00 00"),
                List.of(new Paarorende("Ola Testsønn", "sønn", "900 00 001", false)),
                new Legemidler(List.of(
                        new Legemiddel(Legemiddel.Kategori.LEGEMIDDEL, "Marevan", "B01AA03", "2,5 mg", "etter INR",
                                Legemiddel.Status.UTLEVERT, false, LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 12),
                                "Lise Testlege"),
                        new Legemiddel(Legemiddel.Kategori.LEGEMIDDEL, "Furix", "C03CA01", "40 mg", "1 x 1",
                                Legemiddel.Status.UTLEVERT, true, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 3),
                                "Lise Testlege"),
                        new Legemiddel(Legemiddel.Kategori.NAERINGSMIDDEL, "Nutridrink Compact", null, null, "2 daglig",
                                Legemiddel.Status.GYLDIG_IKKE_UTLEVERT, false, LocalDate.of(2025, 2, 20), null,
                                "Lise Testlege")), false),
                List.of(new KritiskInformasjon(KritiskInformasjon.Kategori.ALLERGI, "J01CE", "Penicillinallergi",
                        "alvorlig", LocalDate.of(2019, 5, 2), "Lise Testlege (9100001)")),
                List.of(new Vaksine("Influensavaksine", "J07BB02", LocalDate.of(2024, 10, 15), "Siv Testsykepleier")),
                List.of(new Besok("Universitetssykehuset Nord-Norge", "Ortopedisk avdeling", "innleggelse",
                        LocalDate.of(2023, 11, 2), LocalDate.of(2023, 11, 9))),
                new EgneRegistreringer(List.of("Hører dårlig"), List.of(), null));
    }

    // {"patients":[{"personnummer":"05902823095"},...] generated lazily: the test holds no list either
    public static InputStream patientList(int n) {
        List<InputStream> parts = new ArrayList<>();
        parts.add(stream("{\"patients\":["));
        parts.add(new InputStream() {
            private final byte[] entry = "{\"personnummer\":\"05902823095\"},".getBytes(StandardCharsets.US_ASCII);
            private final byte[] last = "{\"personnummer\":\"05902823095\"}".getBytes(StandardCharsets.US_ASCII);
            private int written;
            private int pos;

            @Override
            public int read() {
                if (written >= n) {
                    return -1;
                }
                byte[] current = written == n - 1 ? last : entry;
                int b = current[pos++];
                if (pos == current.length) {
                    pos = 0;
                    written++;
                }
                return b;
            }
        });
        parts.add(stream("]}"));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

}
