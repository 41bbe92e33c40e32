package no.kjernebro.api.sweep;

/** Where a sweep is. */
public enum SweepState {
    /** batches are being asked; also while a failed batch waits for its retry. */
    RUNNING,
    /** every patient on the list was checked. */
    FINISHED,
    /**
     * stopped after repeated failures or a refusal (e.g. adapter disabled); the next start, on demand
     * or by schedule, resumes it from its last committed batch.
     */
    INTERRUPTED
}
