package no.kjernebro.adapter.sykehjemxml.internal.xml;

import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Helseindikator;
import no.kjernebro.api.summary.PatientSummary;

/**
 * Renders an allowed outcome as {@code KjernejournalSvar}. The answer names the patient: it goes back
 * to the EPJ that treats them. Section elements appear exactly for the sections the summary holds, so
 * the EPJ can tell "not granted" (absent) from "granted but empty" (empty element).
 */
public final class SvarWriter {

    private SvarWriter() {
    }

    public static byte[] write(LookupOutcome outcome) {
        XmlOut out = new XmlOut(OppslagFormat.SVAR);
        PatientSummary summary = outcome.summary();
        out.element("MeldingsId", outcome.correlationId());
        out.element("Loggreferanse", outcome.auditReference());
        out.element("MerketForEtterkontroll", outcome.markedForReview());
        if (summary != null) {
            out.start("Pasient").element("Fodselsnummer", summary.patientId()).end();
            helseindikator(out, summary.helseindikator());
        }
        out.start("TildelteDeler");
        for (Section section : Section.values()) {
            if (outcome.sections().contains(section)) {
                out.element("Del", section.name());
            }
        }
        out.end();
        if (summary != null) {
            SectionsWriter.write(out, summary, summary.sections());
        }
        return out.finish();
    }

    private static void helseindikator(XmlOut out, Helseindikator indikator) {
        if (indikator == null) {
            return;
        }
        out.start("Helseindikator")
                .element("Status", indikator.status())
                .element("Returtekst", indikator.returTekst())
                .element("EksistererBlokkertHelsepersonell", indikator.eksistererBlokkertHelsepersonell())
                .element("HarLasteResepter", indikator.harLasteResepter())
                .element("HarLegemidler", indikator.harLegemidler());
        if (!indikator.sistEndretKritiskInfo().isEmpty() || indikator.sistEndretKritiskInfoDato() != null) {
            out.start("SistEndretKritiskInfo").element("Dato", indikator.sistEndretKritiskInfoDato());
            for (Helseindikator.KategoriEndret endret : indikator.sistEndretKritiskInfo()) {
                out.start("Kategori")
                        .element("Kode", endret.kategori())
                        .element("SistEndret", endret.sistEndret())
                        .end();
            }
            out.end();
        }
        out.end();
    }
}
