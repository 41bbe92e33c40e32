package no.kjernebro.api.varsling;

import java.time.OffsetDateTime;
import no.kjernebro.api.identity.NationalIdentityNumber;

/**
 * Kjernejournal's answer for one patient.
 *
 * @param harKjernejournal the patient has a kjernejournal
 * @param nyLegemiddelinformasjon new e-prescription (M1), recall (M5), LIB (M25.1), paper-prescription
 *        dispensing (M8.1) or rejected application (M15) since {@code sistSjekket}
 * @param nesteSjekk the timestamp to send next time
 */
public record VarslingSvar(String fnr, boolean harKjernejournal, boolean nyLegemiddelinformasjon,
                           OffsetDateTime nesteSjekk) {
    @Override
    public String toString() {
        return "VarslingSvar[" + NationalIdentityNumber.mask(fnr) + ", kj=" + harKjernejournal + ", ny="
                + nyLegemiddelinformasjon + ", neste=" + nesteSjekk + "]";
    }
}
