package no.kjernebro.simulator.internal.kj;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import no.kjernebro.simulator.internal.dataset.Pasient;

/**
 * Derives the Helseindikator status from what the dataset holds, so the status can never
 * contradict the content served by {@code $everything}.
 */
public final class Helseindikatorstatus {

    public static final int UGYLDIG = 0;
    public static final int INGEN_KJERNEJOURNAL = 1;
    public static final int KJERNEJOURNAL = 2;
    public static final int EGNE_REGISTRERINGER = 3;
    public static final int KRITISK_INFO = 4;

    private Helseindikatorstatus() {
    }

    /** Status 1-4 for a patient of the dataset; a patient not in it has no kjernejournal. */
    public static int of(Pasient pasient) {
        if (pasient == null || pasient.reservert()) {
            return INGEN_KJERNEJOURNAL;
        }
        if (!pasient.kritiskInfo().isEmpty()) {
            return KRITISK_INFO;
        }
        if (!pasient.egenregistreringer().isEmpty()) {
            return EGNE_REGISTRERINGER;
        }
        return KJERNEJOURNAL;
    }

    static String returTekst(int status) {
        return switch (status) {
            case UGYLDIG -> "Ugyldig fødselsnummer";
            case INGEN_KJERNEJOURNAL -> "Pasienten har ikke kjernejournal";
            case KJERNEJOURNAL -> "Pasienten har kjernejournal";
            case EGNE_REGISTRERINGER -> "Pasienten har kjernejournal med egne registreringer";
            case KRITISK_INFO -> "Pasienten har kritisk informasjon i kjernejournal";
            default -> throw new IllegalArgumentException("status " + status);
        };
    }

    /** Latest change per category of critical information, sorted by category. */
    static Map<String, OffsetDateTime> sistEndret(Pasient pasient) {
        Map<String, OffsetDateTime> latest = new TreeMap<>();
        for (Pasient.KritiskInfo info : pasient.kritiskInfo()) {
            OffsetDateTime at = OffsetDateTime.parse(info.registrert());
            latest.merge(info.kategori(), at, (a, b) -> a.isAfter(b) ? a : b);
        }
        return latest;
    }
}
