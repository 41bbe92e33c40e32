package no.kjernebro.medicationsweep.internal;

import java.time.Instant;
import no.kjernebro.api.audit.AuditEntry;
import no.kjernebro.api.lookup.Outcome;
import no.kjernebro.api.sweep.Initiator;

/**
 * The sweep's own audit records: who registered which patient list and who started or resumed which
 * sweep over it. They name no patient; Legemiddelvarsling audits every patient it is asked about.
 */
final class SweepAudit {

    static final String LIST_REPLACED = "PATIENT_LIST_REPLACED";
    static final String SWEEP_STARTED = "SWEEP_STARTED";
    static final String SWEEP_RESUMED = "SWEEP_RESUMED";

    private SweepAudit() {
    }

    static AuditEntry listReplaced(Instant time, String kommunenummer, String adapterId, String sourceSystem,
                                   Initiator by, String listId, PatientListStore.Merge merge, long invalid) {
        String reason = "patient list " + listId + " registered for the medication sweep: " + merge.patients()
                + " patients (" + merge.added() + " added, " + merge.removed() + " removed, " + merge.duplicates()
                + " duplicates, " + invalid + " invalid left out), sha256 " + merge.fingerprint();
        return entry(AuditEntry.EventType.ADMINISTRATION, time, listId, kommunenummer, adapterId, sourceSystem, by,
                Outcome.ALLOWED, LIST_REPLACED, reason);
    }

    static AuditEntry listReplaceFailed(Instant time, String kommunenummer, String adapterId, String sourceSystem,
                                        Initiator by, String listId) {
        return entry(AuditEntry.EventType.ADMINISTRATION, time, listId, kommunenummer, adapterId, sourceSystem, by,
                Outcome.FAILED, LIST_REPLACED, "patient list " + listId + " was not stored; the previous list stays");
    }

    static AuditEntry sweepStarted(Instant time, SweepRun run, String sourceSystem, Initiator by,
                                   PatientListStore.ListInfo list, boolean resumed) {
        String reason = (resumed ? "Legemiddelvarsling sweep " + run.sweepId() + " resumed after patient "
                + run.patientsDone() + " of " + run.patientsTotal()
                : "Legemiddelvarsling sweep " + run.sweepId() + " started over " + run.patientsTotal() + " patients")
                + " of patient list " + list.listId() + " (sha256 " + list.fingerprint() + ")";
        return entry(AuditEntry.EventType.SYSTEM_QUERY, time, run.sweepId(), run.kommunenummer(), run.adapterId(),
                sourceSystem, by, Outcome.ALLOWED, resumed ? SWEEP_RESUMED : SWEEP_STARTED, reason);
    }

    private static AuditEntry entry(AuditEntry.EventType type, Instant time, String correlationId, String kommunenummer,
                                    String adapterId, String sourceSystem, Initiator by, Outcome outcome,
                                    String reasonCode, String reason) {
        return new AuditEntry(type, time, correlationId, kommunenummer, null, adapterId, sourceSystem,
                by.type().name(), by.id(), null, null, null, null, null, null, outcome, reasonCode, reason, false);
    }
}
