package no.kjernebro.api.sweep;

import java.time.Instant;
import no.kjernebro.api.identity.NationalIdentityNumber;

/**
 * A patient for whom a sweep found new medication information.
 *
 * @param checkedAt when the batch with this patient was committed
 */
public record SweepFinding(String fnr, boolean harKjernejournal, Instant checkedAt) {
    @Override
    public String toString() {
        return "SweepFinding[" + NationalIdentityNumber.mask(fnr) + ", kj=" + harKjernejournal + ", " + checkedAt + "]";
    }
}
