package no.kjernebro.medicationsweep.internal;

import java.time.Instant;
import no.kjernebro.api.identity.NationalIdentityNumber;
import no.kjernebro.api.sweep.Initiator;
import no.kjernebro.api.sweep.SweepState;
import no.kjernebro.api.sweep.SweepStatus;

/**
 * One row of {@code kjb_sweep_run}: a sweep's state, its cursor (the last patient of the last committed
 * batch, in list order) and its callback's delivery state.
 */
record SweepRun(
        String sweepId,
        String kommunenummer,
        String adapterId,
        String listId,
        Initiator initiator,
        SweepState state,
        long patientsTotal,
        long patientsDone,
        long batches,
        long hits,
        String cursorFnr,
        int attempts,
        String lastError,
        String lastErrorMessage,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        String callbackUrl,
        CallbackState callbackState,
        int callbackAttempts,
        Instant callbackNextAt,
        String callbackError) {

    enum CallbackState { NONE, PENDING, DELIVERED, FAILED }

    SweepStatus toStatus() {
        return new SweepStatus(sweepId, kommunenummer, adapterId, listId, initiator, state, patientsTotal, patientsDone,
                batches, hits, attempts, lastError, lastErrorMessage, createdAt, updatedAt, finishedAt,
                callbackState.name());
    }

    @Override
    public String toString() {
        return "SweepRun[" + sweepId + ", " + kommunenummer + ", " + state + ", " + patientsDone + "/" + patientsTotal
                + ", cursor=" + NationalIdentityNumber.mask(cursorFnr) + "]";
    }
}
