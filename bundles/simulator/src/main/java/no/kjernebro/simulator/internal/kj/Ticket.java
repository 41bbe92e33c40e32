package no.kjernebro.simulator.internal.kj;

import java.time.Instant;
import java.time.LocalDate;
import no.kjernebro.api.identity.NationalIdentityNumber;

/**
 * What an opaque Helseindikator ticket stands for: the organisation that asked, the patient, the
 * access basis and the medication start date it was asked with.
 *
 * @param orgnr organisation of the system token that got the ticket; null when the token named none
 * @param samtykke access basis code, or null when the client sent none
 * @param legemiddelFraDato optional start of the medication history
 */
record Ticket(String id, String orgnr, String fnr, String samtykke, LocalDate legemiddelFraDato, Instant expiresAt) {

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** True when a caller acting for {@code callerOrgnr} may use the ticket. */
    boolean belongsTo(String callerOrgnr) {
        return orgnr == null || callerOrgnr == null || orgnr.equals(callerOrgnr);
    }

    @Override
    public String toString() {
        return "Ticket[orgnr=" + orgnr + ", fnr=" + NationalIdentityNumber.mask(fnr) + ", samtykke=" + samtykke + "]";
    }
}
