package no.kjernebro.auditreview.internal.report;

import java.util.List;

/**
 * A patient access report ready to render: texts in Norwegian, the identity number masked.
 *
 * @param maskedPatient the patient's identity number, masked
 * @param period the period in words, e.g. {@code 01.01.2026 – 30.11.2026}
 * @param kommune the municipality the report is limited to, in words, or null for all
 * @param generatedAt when it was made, in words
 * @param rows the lookups, oldest first
 */
record AccessReport(String maskedPatient, String period, String kommune, String generatedAt, List<ReportRow> rows) {

    static final String TITLE = "Innsyn i logg – hvem har sett kjernejournalen din";

    AccessReport {
        rows = List.copyOf(rows);
    }

    /** What the report covers and what the patient can do, one paragraph per element. */
    List<String> explanation() {
        return List.of(
                "Denne oversikten viser hvem som har slått opp i kjernejournalen din gjennom kommunens "
                        + "journalsystem (via Kjernebro) i perioden " + period
                        + (kommune == null ? "" : ", i " + kommune) + ". Hver linje er ett oppslag eller forsøk "
                        + "på oppslag: når det skjedde, hvem som gjorde det, fra hvilken kommune og enhet, på hvilket "
                        + "grunnlag, og hvilke deler av kjernejournalen som ble vist.",
                "«Akutt behov (nødrett)» betyr at helsepersonell åpnet kjernejournalen uten samtykke fordi du "
                        + "trengte hjelp straks. Slike oppslag blir alltid kontrollert av kommunen.",
                "Oppslag som sykehus, legevakt eller fastlege har gjort direkte i kjernejournal, står ikke her. "
                        + "Dem finner du på helsenorge.no.",
                "Mener du at noen har sett kjernejournalen din uten grunn, kan du kontakte kommunen. Oppgi "
                        + "referansen til oppslaget.");
    }
}
