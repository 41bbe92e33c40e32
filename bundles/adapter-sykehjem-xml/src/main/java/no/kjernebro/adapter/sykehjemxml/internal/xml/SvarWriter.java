package no.kjernebro.adapter.sykehjemxml.internal.xml;

import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Helseindikator;
import no.kjernebro.api.summary.Merknad;
import no.kjernebro.api.summary.PatientSummary;

/**
 * Renders an allowed outcome as {@code KjernejournalSvar}. The answer names the patient: it goes back
 * to the EPJ that treats them. Section elements appear exactly for the sections the summary holds, so
 * the EPJ can tell "not granted" (absent) from "granted but empty" (empty element). {@code Fullstendig}
 * and {@code Merknader} come last: a summary with merknader is never presented as complete.
 */
public final class SvarWriter {

    private static final String UKJENT_MERKNAD = "UKJENT";
    private static final String UKJENT_TEKST = "Kjernejournal sendte noe som ikke kan vises her.";

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
            merknader(out, summary);
        }
        return out.finish();
    }

    /**
     * Says whether the summary is complete and, when not, why: one {@code Merknad} per thing kjernejournal
     * sent that could not be shown. Only code, section, text and resource type: the raw upstream content
     * ({@link Merknad#innhold()}) may hold data of sections the policy did not grant and is never sent.
     */
    private static void merknader(XmlOut out, PatientSummary summary) {
        out.element("Fullstendig", summary.fullstendig());
        if (summary.merknader().isEmpty()) {
            return;
        }
        out.start("Merknader");
        for (Merknad merknad : summary.merknader()) {
            out.start("Merknad")
                    .element("Kode", merknad.kode() == null ? UKJENT_MERKNAD : merknad.kode())
                    .element("Seksjon", merknad.seksjon() == null ? null : merknad.seksjon().name())
                    .element("Tekst", merknad.tekst() == null || merknad.tekst().isBlank() ? UKJENT_TEKST : merknad.tekst())
                    .element("Ressurstype", merknad.ressurstype())
                    .end();
        }
        out.end();
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
