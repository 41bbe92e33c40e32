package no.kjernebro.adapter.forvaltningfil.internal.json;

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

/** Demo data (synthetic, month + 80) and request files as a case system writes them. */
public final class Fixtures {

    public static final String ALTA = "5601";
    public static final String PATIENT = "05902823095";
    public static final String SUBJECT = "hid-sb-5601-0001";
    public static final String API_KEY = "demo-alta-5601";
    public static final String USER_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJoaWQtc2ItNTYwMS0wMDAxIn0.c2ln";

    /** The documented example request (docs/adapters/examples/forvaltning-oppslag.json). */
    public static final String REQUEST = """
            {
              "meldingsId": "7f3c9a52-1b7e-4d0a-9c55-2f6f1d8e4b10",
              "saksnummer": "2026/1234",
              "kommune": "5601",
              "fagsystem": { "navn": "Saksflyt Omsorg", "versjon": "5.2" },
              "saksbehandler": {
                "helseIdSubjekt": "hid-sb-5601-0001",
                "navn": "Sara Testsaksbehandler",
                "rolle": "SAKSBEHANDLER",
                "enhet": "Tildelingskontoret"
              },
              "bruker": { "fodselsnummer": "05902823095" },
              "formaal": "VURDERING_AV_TJENESTE",
              "tilgangsgrunnlag": "HPMOTTATTSAMTYKKE",
              "apiNokkel": "demo-alta-5601",
              "helseIdToken": "%s"
            }
            """.formatted(USER_TOKEN);

    private Fixtures() {
    }

    public static byte[] request() {
        return REQUEST.getBytes(StandardCharsets.UTF_8);
    }

    /** The example request with one text replaced (first occurrence), for variants. */
    public static byte[] requestWith(String from, String to) {
        if (!REQUEST.contains(from)) {
            throw new IllegalArgumentException("not in the example request: " + from);
        }
        return REQUEST.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The status-4 demo patient with every section, restricted to the granted ones. */
    public static PatientSummary summary(Set<Section> granted) {
        PatientSummary full = new PatientSummary(PATIENT,
                new Helseindikator(4, "Kritisk informasjon er registrert", false, false, true,
                        List.of(new Helseindikator.KategoriEndret("ALLERGI", OffsetDateTime.parse("2025-03-02T10:15:00+01:00"))),
                        OffsetDateTime.parse("2025-03-02T10:15:00+01:00")),
                EnumSet.allOf(Section.class),
                new Personalia("Astrid", "Testesen", LocalDate.of(1928, 10, 5), "female", "Sykehjemsveien 1", "9510",
                        "Alta", "enke"),
                new Fastlege("Lise Testlege", "9100001", "Alta legesenter", "990000001", "78 00 00 00"),
                List.of(new Paarorende("Kari Testesen", "datter", "900 00 000", true)),
                new Legemidler(List.of(new Legemiddel(Legemiddel.Kategori.LEGEMIDDEL, "Paracet", "N02BE01", "500 mg",
                        "1x3", Legemiddel.Status.UTLEVERT, true, LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 12),
                        "Lise Testlege")), false),
                List.of(new KritiskInformasjon(KritiskInformasjon.Kategori.ALLERGI, "Z88.0", "Penicillinallergi",
                        "alvorlig", LocalDate.of(2020, 5, 1), "Lise Testlege")),
                List.of(new Vaksine("Influensa", "J07BB02", LocalDate.of(2024, 10, 15), "Alta kommune")),
                List.of(new Besok("UNN Tromsø", "Ortopedi", "innlagt", LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 9))),
                new EgneRegistreringer(List.of("Hørselshemmet"), List.of(), null));
        return full.restrictedTo(granted);
    }

    /** What the allocation office sees by default. */
    public static Set<Section> restrictedView() {
        return EnumSet.of(Section.PERSONALIA, Section.FASTLEGE, Section.PAARORENDE);
    }
}
