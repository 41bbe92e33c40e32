package no.kjernebro.api.sweep;

import java.time.Instant;

/**
 * A sweep's progress. Counts only grow; {@code patientsDone} is committed with each batch, so after a
 * restart the sweep continues from there.
 *
 * @param listId the patient list the sweep covers
 * @param initiator who started it (for a resumed sweep: who started it first)
 * @param patientsTotal patients on the list when the sweep started
 * @param patientsDone patients checked so far
 * @param batches batches committed
 * @param patientsWithNewMedication patients for whom kjernejournal reported new medication information
 * @param attempts failed attempts of the current batch (0 when the last one succeeded)
 * @param lastError the error code of the last failed attempt, or null
 * @param lastErrorMessage what went wrong, for operators and the EPJ; never names a patient
 * @param finishedAt null until FINISHED
 * @param callbackState NONE, PENDING, DELIVERED or FAILED
 */
public record SweepStatus(
        String sweepId,
        String kommunenummer,
        String adapterId,
        String listId,
        Initiator initiator,
        SweepState state,
        long patientsTotal,
        long patientsDone,
        long batches,
        long patientsWithNewMedication,
        int attempts,
        String lastError,
        String lastErrorMessage,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        String callbackState) {
}
