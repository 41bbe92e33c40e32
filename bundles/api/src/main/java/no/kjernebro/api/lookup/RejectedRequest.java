package no.kjernebro.api.lookup;

import no.kjernebro.api.identity.NationalIdentityNumber;

/**
 * A request an adapter could not translate into a {@link LookupRequest} (malformed, a missing field,
 * an unknown code). The adapter hands over whatever it could read so that core can authenticate the
 * caller and, where a patient is named, write the audit record. Any field may be null.
 */
public record RejectedRequest(
        String kommunenummer,
        String adapterId,
        String patientId,
        String actorId,
        String professionOrRole,
        String serviceContext,
        String accessBasis,
        String sourceSystem,
        String correlationId,
        ErrorCode error,
        String message) {

    @Override
    public String toString() {
        return "RejectedRequest[" + kommunenummer + ", adapter=" + adapterId + ", patient="
                + NationalIdentityNumber.mask(patientId) + ", " + error + ": " + message + "]";
    }
}
