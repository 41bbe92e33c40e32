package no.kjernebro.medicationsweep.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import no.kjernebro.api.lookup.ErrorCode;
import no.kjernebro.api.varsling.Legemiddelvarsling;
import no.kjernebro.api.varsling.PasientSjekk;
import no.kjernebro.api.varsling.VarslingException;
import no.kjernebro.api.varsling.VarslingForesporsel;
import no.kjernebro.api.varsling.VarslingSvar;

/**
 * Stands in for core's Legemiddelvarsling: answers every patient, "new medication" where the rule says
 * so, and a {@code nesteSjekk} that grows with every call. Can fail a number of calls, or fail for good.
 */
final class FakeVarsling implements Legemiddelvarsling {

    static final OffsetDateTime EPOCH = OffsetDateTime.of(2025, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    final int maxBatchSize;
    final List<VarslingForesporsel> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile ErrorCode failWith = ErrorCode.KJERNEJOURNAL_UNAVAILABLE;
    /** Fails every call from this (1-based) call number on; 0 never. */
    volatile int failFromCall;
    volatile BiPredicate<String, OffsetDateTime> nyLegemiddelinformasjon = (fnr, sist) -> false;
    private final AtomicInteger answered = new AtomicInteger();
    /** false: keep no calls (for the benchmark, where 3,500 batches would be 350,000 kept objects). */
    volatile boolean record = true;

    FakeVarsling(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    @Override
    public List<VarslingSvar> sjekk(VarslingForesporsel foresporsel) throws VarslingException {
        if (record) {
            calls.add(foresporsel);
        }
        if (foresporsel.pasienter().size() > maxBatchSize) {
            throw new VarslingException(ErrorCode.INVALID_REQUEST, "batch larger than " + maxBatchSize);
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                || (failFromCall > 0 && record && calls.size() >= failFromCall)) {
            throw new VarslingException(failWith, "simulated: " + failWith.description());
        }
        OffsetDateTime neste = EPOCH.plusMinutes(answered.incrementAndGet());
        List<VarslingSvar> out = new ArrayList<>(foresporsel.pasienter().size());
        for (PasientSjekk p : foresporsel.pasienter()) {
            out.add(new VarslingSvar(p.fnr(), true, nyLegemiddelinformasjon.test(p.fnr(), p.sistSjekket()), neste));
        }
        return out;
    }

    /** Every patient asked about, in order, over all successful and failed calls. */
    List<String> asked() {
        List<String> out = new ArrayList<>();
        calls.forEach(c -> c.pasienter().forEach(p -> out.add(p.fnr())));
        return out;
    }
}
