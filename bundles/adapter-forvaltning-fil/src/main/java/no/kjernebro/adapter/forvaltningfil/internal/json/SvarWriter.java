package no.kjernebro.adapter.forvaltningfil.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.kjernebro.api.lookup.LookupOutcome;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Helseindikator;
import no.kjernebro.api.summary.Merknad;
import no.kjernebro.api.summary.PatientSummary;

/**
 * Renders an allowed outcome as a {@code .svar.json} result. Section objects appear exactly for the
 * granted sections, so the case system can tell "not granted" (absent) from "granted but empty".
 *
 * <p>The Helseindikator is shown only with the critical-information section: its status 4 and change
 * dates say that critical information exists, which the restricted view must not reveal. Without it
 * the answer says only whether the patient has a kjernejournal.
 */
public final class SvarWriter {

    private static final String UKJENT_MERKNAD = "UKJENT";
    private static final String UKJENT_TEKST = "Kjernejournal sendte noe som ikke kan vises her.";

    private SvarWriter() {
    }

    public static byte[] write(Saksreferanse sak, LookupOutcome outcome, String innfil) {
        ObjectNode out = JsonOut.header(sak, "OK", IdentityMasking.mask(innfil, null));
        JsonOut.put(out, "loggreferanse", outcome.auditReference());
        JsonOut.put(out, "merketForEtterkontroll", outcome.markedForReview());
        ArrayNode tildelt = out.putArray("tildelteOpplysninger");
        for (Section section : Section.values()) {
            if (outcome.sections().contains(section)) {
                tildelt.add(section.name());
            }
        }
        PatientSummary summary = outcome.summary();
        if (summary != null) {
            ObjectNode bruker = out.putObject("bruker");
            JsonOut.put(bruker, "fodselsnummer", summary.patientId());
            Helseindikator indikator = summary.helseindikator();
            if (indikator != null) {
                JsonOut.put(bruker, "harKjernejournal", indikator.harKjernejournal());
                if (summary.sections().contains(Section.KRITISK_INFORMASJON)) {
                    helseindikator(out, indikator);
                }
            }
            OpplysningerWriter.write(out, summary);
            merknader(out, summary);
        }
        return JsonOut.bytes(out);
    }

    /**
     * {@code fullstendig} always; {@code merknader} lists what kjernejournal sent that could not be shown
     * (empty when complete). Only code, section, text and resource type: the raw upstream content
     * ({@link Merknad#innhold()}) may hold data of sections the policy did not grant and is never written.
     */
    private static void merknader(ObjectNode out, PatientSummary summary) {
        JsonOut.put(out, "fullstendig", summary.fullstendig());
        ArrayNode list = out.putArray("merknader");
        for (Merknad m : summary.merknader()) {
            ObjectNode entry = list.addObject();
            JsonOut.put(entry, "kode", m.kode() == null ? UKJENT_MERKNAD : m.kode());
            JsonOut.put(entry, "seksjon", m.seksjon() == null ? null : m.seksjon().name());
            JsonOut.put(entry, "tekst", m.tekst() == null || m.tekst().isBlank() ? UKJENT_TEKST : m.tekst());
            JsonOut.put(entry, "ressurstype", m.ressurstype());
        }
    }

    private static void helseindikator(ObjectNode out, Helseindikator indikator) {
        ObjectNode h = out.putObject("helseindikator");
        JsonOut.put(h, "status", indikator.status());
        JsonOut.put(h, "returTekst", indikator.returTekst());
        JsonOut.put(h, "eksistererBlokkertHelsepersonell", indikator.eksistererBlokkertHelsepersonell());
        JsonOut.put(h, "sistEndretKritiskInfoDato", indikator.sistEndretKritiskInfoDato());
        ArrayNode kategorier = h.putArray("sistEndretKritiskInfo");
        for (Helseindikator.KategoriEndret k : indikator.sistEndretKritiskInfo()) {
            ObjectNode entry = kategorier.addObject();
            JsonOut.put(entry, "kategori", k.kategori());
            JsonOut.put(entry, "sistEndret", k.sistEndret());
        }
    }
}
