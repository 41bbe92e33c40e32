package no.kjernebro.simulator.internal.kj;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.simulator.internal.dataset.Dataset;
import no.kjernebro.simulator.internal.dataset.Pasient;

/**
 * What Legemiddelvarsling knows per patient: built once from the dataset and indexed by identity
 * number, so a batch costs one map lookup per patient however large the dataset is.
 * A change is a prescription (e-prescription, LIB for multidose) or a dispensing; the dataset keeps
 * only their dates, so each counts from 00:00 Norwegian time that day. Valid numbers not in the
 * dataset have a kjernejournal and {@link SyntetiskeEndringer synthetic} changes.
 */
final class Legemiddelendringer {

    static final ZoneId NORGE = ZoneId.of("Europe/Oslo");

    /** The answer for one patient. */
    record Svar(boolean harKjernejournal, boolean nyLegemiddelinformasjon) {
        static final Svar INGEN_KJERNEJOURNAL = new Svar(false, false);
    }

    /** A patient of the dataset: reserved against kjernejournal, or the moments their medication changed. */
    private record Kjent(boolean reservert, List<Instant> endringer) {
    }

    private final Map<String, Kjent> kjente;
    private final SyntetiskeEndringer syntetiske;

    Legemiddelendringer(Dataset dataset, double syntheticNewShare) {
        Map<String, Kjent> index = new HashMap<>();
        for (Pasient p : dataset.pasienter()) {
            index.put(p.fnr(), new Kjent(p.reservert(), endringer(p)));
        }
        this.kjente = Map.copyOf(index);
        this.syntetiske = new SyntetiskeEndringer(syntheticNewShare, NORGE);
    }

    /**
     * @param sistSjekket the previous check; null the first time (then any medication at all is news)
     * @param now the moment of this check: changes after it have not happened yet
     */
    Svar sjekk(String fnr, Instant sistSjekket, Instant now) {
        if (!NationalIdentityNumber.isValid(fnr)) {
            return Svar.INGEN_KJERNEJOURNAL;
        }
        Kjent kjent = kjente.get(fnr);
        if (kjent == null) {
            return new Svar(true, syntetiske.nyInformasjon(fnr, sistSjekket, now));
        }
        if (kjent.reservert()) {
            return Svar.INGEN_KJERNEJOURNAL;
        }
        if (sistSjekket == null) {
            return new Svar(true, !kjent.endringer().isEmpty());
        }
        boolean ny = kjent.endringer().stream().anyMatch(e -> e.isAfter(sistSjekket) && !e.isAfter(now));
        return new Svar(true, ny);
    }

    private static List<Instant> endringer(Pasient p) {
        List<Instant> moments = new ArrayList<>();
        for (Pasient.Legemiddel l : p.legemidler()) {
            moments.add(startOf(l.rekvirert()));
            if (l.utlevert() != null) {
                moments.add(startOf(l.utlevert()));
            }
        }
        return List.copyOf(moments);
    }

    private static Instant startOf(String isoDate) {
        return LocalDate.parse(isoDate).atStartOfDay(NORGE).toInstant();
    }
}
