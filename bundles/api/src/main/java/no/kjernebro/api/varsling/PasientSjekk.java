package no.kjernebro.api.varsling;

import java.time.OffsetDateTime;
import no.kjernebro.api.identity.NationalIdentityNumber;

/**
 * One patient in a Legemiddelvarsling batch.
 *
 * @param sistSjekket the timestamp kjernejournal gave at the previous check; null the first time
 */
public record PasientSjekk(String fnr, OffsetDateTime sistSjekket) {
    @Override
    public String toString() {
        return "PasientSjekk[" + NationalIdentityNumber.mask(fnr) + ", " + sistSjekket + "]";
    }
}
