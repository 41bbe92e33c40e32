package no.kjernebro.auditreview.internal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.auditreview.internal.http.fakes.Entries;
import no.kjernebro.auditreview.internal.http.fakes.FakeAuditTrail;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatientAccessReportsTest {

    private static final LocalDate FROM = LocalDate.parse("2026-01-01");
    private static final LocalDate TO = LocalDate.parse("2026-11-30");

    private final FakeAuditTrail trail = new FakeAuditTrail();
    private final PatientAccessReports reports = new PatientAccessReports(trail,
            Clock.fixed(Instant.parse("2026-11-25T09:30:00Z"), ZoneOffset.UTC), 5000, 3700);

    @BeforeEach
    void someLookups() {
        trail.add(Entries.lookup("2026-03-02T13:05:00Z", Entries.PATIENT));
        trail.add(Entries.lookup("2026-04-10T01:15:00Z", "5601", Entries.PATIENT, "9100001", "Lise Testlege",
                "HPAKUTT", Outcome.ALLOWED));
        trail.add(Entries.lookup("2026-05-01T10:00:00Z", "5503", Entries.PATIENT, "9100006", "Per Blokkert",
                "HPMOTTATTSAMTYKKE", Outcome.REFUSED));
        trail.add(Entries.lookup("2026-05-02T10:00:00Z", Entries.OTHER_PATIENT));
        trail.add(Entries.lookup("2025-12-31T22:59:00Z", Entries.PATIENT)); // 23:59 on 31 Dec in Oslo
        // the auditors' own search of this patient is not a lookup of the record
        trail.add(new AuditEntry(AuditEntry.EventType.AUDIT_ACCESS, Instant.parse("2026-06-01T10:00:00Z"), "c",
                "5601", null, null, "Kjernebro/rest", "AUDITOR", "auditor", null, "auditor", null, null,
                Entries.PATIENT, Set.of(), Outcome.ALLOWED, "search", "søk", false));
    }

    private String html(String kommune) throws Exception {
        return new String(reports.render(Entries.PATIENT, FROM, TO, kommune, AccessReports.Format.HTML),
                StandardCharsets.UTF_8);
    }

    @Test
    void theHtmlReportListsWhoLookedWhenAndOnWhatBasisInNorwegian() throws Exception {
        String html = html(null);

        assertThat(html).contains("Innsyn i logg – hvem har sett kjernejournalen din",
                "<th scope=\"col\">Tidspunkt</th>", "<th scope=\"col\">Kommune</th>", "<th scope=\"col\">Enhet</th>",
                "<th scope=\"col\">Helsepersonell</th>", "<th scope=\"col\">Yrke</th>",
                "<th scope=\"col\">Tjeneste</th>", "<th scope=\"col\">Tilgangsgrunnlag</th>",
                "<th scope=\"col\">Hva ble vist</th>", "<th scope=\"col\">Utfall</th>",
                "<th scope=\"col\">Referanse</th>");
        assertThat(html).contains("02.03.2026 kl. 14:05", "Siv Testsykepleier", "Sykepleier", "Avdeling 2",
                "Sykehjem, langtidsopphold", "Du hadde gitt samtykke", "Legemidler, Kritisk informasjon",
                "Innsyn gitt", "KJB-000000000001");
        assertThat(html).contains("10.04.2026 kl. 03:15", "Lise Testlege", "Akutt behov (nødrett)");
        assertThat(html).contains("Per Blokkert", "Avvist, ingenting vist", "Ingen opplysninger");
        assertThat(html).contains("Kommune 5601", "Kommune 5503");
    }

    @Test
    void onlyThisPatientsLookupsInThePeriodAreListed() throws Exception {
        String html = html(null);

        assertThat(html).contains("Antall oppslag:</strong> 3");
        assertThat(html).doesNotContain("KJB-000000000004", "KJB-000000000005", "KJB-000000000006");
        assertThat(trail.lastQuery().types()).containsExactly(AuditEntry.EventType.PATIENT_LOOKUP);
        assertThat(trail.lastQuery().patientId()).isEqualTo(Entries.PATIENT);
    }

    @Test
    void aMunicipalityLimitsTheReport() throws Exception {
        String html = html("5503");

        assertThat(html).contains("Per Blokkert").doesNotContain("Siv Testsykepleier");
        assertThat(html).contains("Kommune:</strong> Kommune 5503");
    }

    @Test
    void theIdentityNumberIsMaskedAndTheTimeOfWritingShown() throws Exception {
        String html = html(null);

        assertThat(html).contains("*********95").doesNotContain(Entries.PATIENT);
        assertThat(html).contains("Laget 25.11.2026 kl. 10:30");
        assertThat(html).contains("helsenorge.no");
    }

    @Test
    void namesAreEscaped() throws Exception {
        trail.add(Entries.lookup("2026-07-01T10:00:00Z", "5601", Entries.PATIENT, "9100009",
                "<script>alert('x')</script> & \"Co\"", "HPUNNTAK", Outcome.ALLOWED));

        String html = html(null);

        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;")
                .doesNotContain("<script>");
    }

    @Test
    void anEmptyPeriodSaysSo() throws Exception {
        String html = new String(reports.render(Entries.OTHER_PATIENT, LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-02-01"), null, AccessReports.Format.HTML), StandardCharsets.UTF_8);

        assertThat(html).contains("Ingen har slått opp i kjernejournalen din i denne perioden.")
                .doesNotContain("<table>");
    }

    @Test
    void thePdfHoldsTheLabelsAndRows() throws Exception {
        byte[] pdf = reports.render(Entries.PATIENT, FROM, TO, null, AccessReports.Format.PDF);

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = textOf(doc);
            assertThat(doc.getDocumentInformation().getTitle())
                    .isEqualTo("Innsyn i logg – hvem har sett kjernejournalen din");
            assertThat(text).contains("Innsyn i logg – hvem har sett kjernejournalen din", "Fødselsnummer: *********95",
                    "Tidspunkt", "Kommune", "Enhet", "Helsepersonell", "Yrke", "Tjeneste", "Tilgangsgrunnlag",
                    "Hva ble vist", "Utfall", "Referanse");
            assertThat(text).contains("Siv Testsykepleier", "Lise Testlege", "Akutt behov (nødrett)",
                    "KJB-000000000002", "Avvist, ingenting vist", "Side 1 av 1", "Laget 25.11.2026 kl. 10:30");
            assertThat(text).doesNotContain(Entries.PATIENT);
        }
    }

    @Test
    void aLongPdfPaginatesWithTheHeaderOnEveryPage() throws Exception {
        for (int i = 0; i < 120; i++) {
            trail.add(Entries.lookup(Instant.parse("2026-08-01T08:00:00Z").plusSeconds(i * 600L).toString(),
                    Entries.PATIENT));
        }

        byte[] pdf = reports.render(Entries.PATIENT, FROM, TO, null, AccessReports.Format.PDF);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pages);
            stripper.setEndPage(pages);
            String last = stripper.getText(doc).replaceAll("\\s+", " ");
            assertThat(last).contains("Tidspunkt", "Hva ble vist", "Side " + pages + " av " + pages);
            assertThat(textOf(doc)).contains("KJB-000000000126");
        }
    }

    @Test
    void lettersOutsideWinAnsiFallBackInsteadOfBreakingThePdf() throws Exception {
        trail.add(Entries.lookup("2026-07-01T10:00:00Z", "5610", Entries.PATIENT, "9100010", "Čoalme Ŋuolla Ødegård",
                "HPUNNTAK", Outcome.ALLOWED));

        byte[] pdf = reports.render(Entries.PATIENT, FROM, TO, "5610", AccessReports.Format.PDF);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(textOf(doc)).contains("Coalme").contains("Ødegård");
        }
    }

    @Test
    void badPeriodsAreRefused() {
        assertThatThrownBy(() -> reports.render(Entries.PATIENT, TO, FROM, null, AccessReports.Format.HTML))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reports.render(Entries.PATIENT, LocalDate.parse("2000-01-01"), TO, null,
                AccessReports.Format.HTML)).hasMessageContaining("longer than 3700 days");
        assertThatThrownBy(() -> reports.render("05902823096", FROM, TO, null, AccessReports.Format.HTML))
                .hasMessageContaining("not a valid national identity number");
    }

    @Test
    void tooManyLookupsAskForAShorterPeriod() {
        PatientAccessReports small = new PatientAccessReports(trail, Clock.systemUTC(), 2, 3700);

        assertThatThrownBy(() -> small.render(Entries.PATIENT, FROM, TO, null, AccessReports.Format.PDF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 2 lookups");
    }

    private static String textOf(PDDocument doc) throws IOException {
        // cells wrap, so compare with line breaks folded into spaces
        return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
}
