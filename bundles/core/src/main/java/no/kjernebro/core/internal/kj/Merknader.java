package no.kjernebro.core.internal.kj;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import no.kjernebro.api.lookup.Section;
import no.kjernebro.api.summary.Merknad;

/**
 * Collects what kjernejournal sent that Kjernebro could not map, so the summary says it is incomplete
 * instead of silently leaving it out. Bounded: preserved content is cut at {@link #MAX_INNHOLD_CHARS}
 * and at most {@link #MAX_MERKNADER} are kept (one more says how many were left out).
 *
 * <p>A merknad with preserved content always names a section, so the access policy's restriction of
 * sections also removes it; only merknader without content may have no section.
 */
final class Merknader {

    static final String UKJENT_RESSURSTYPE = "UKJENT_RESSURSTYPE";
    static final String UKJENT_KODE = "UKJENT_KODE";
    static final String UKJENT_PROFIL = "UKJENT_PROFIL";
    static final String MANGLER_FELT = "MANGLER_FELT";
    static final String MODUL_SPERRET = "MODUL_SPERRET";
    /** a resource kjernejournal sent that nothing shown refers to. */
    static final String IKKE_VIST = "IKKE_VIST";
    /** a message from kjernejournal (an OperationOutcome in the bundle). */
    static final String MELDING = "MELDING";
    /** the answer was split in pages and only the first was fetched, or merknader were left out. */
    static final String UFULLSTENDIG = "UFULLSTENDIG";

    static final int MAX_INNHOLD_CHARS = 8192;
    static final int MAX_MERKNADER = 50;

    private final List<Merknad> list = new ArrayList<>();
    private int omitted;

    void add(Section seksjon, String kode, String tekst, String ressurstype, JsonNode innhold) {
        if (list.size() >= MAX_MERKNADER) {
            omitted++;
            return;
        }
        String content = innhold == null || innhold.isMissingNode() ? null : innhold.toString();
        String text = tekst;
        if (content != null && content.length() > MAX_INNHOLD_CHARS) {
            content = content.substring(0, MAX_INNHOLD_CHARS);
            text = tekst + " Innholdet er avkortet til " + MAX_INNHOLD_CHARS + " tegn.";
        }
        if (seksjon == null) {
            content = null;
        }
        list.add(new Merknad(seksjon, kode, text, ressurstype, content));
    }

    void addAll(List<Merknad> merknader) {
        for (Merknad m : merknader) {
            if (list.size() >= MAX_MERKNADER) {
                omitted++;
            } else {
                list.add(m);
            }
        }
    }

    List<Merknad> toList() {
        List<Merknad> out = new ArrayList<>(list);
        if (omitted > 0) {
            out.add(new Merknad(null, UFULLSTENDIG, omitted + " flere merknader er utelatt.", null, null));
        }
        return List.copyOf(out);
    }
}
