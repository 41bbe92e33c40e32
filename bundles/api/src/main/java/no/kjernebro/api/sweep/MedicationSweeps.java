package no.kjernebro.api.sweep;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The medication-change sweep over a municipality's patient list. One patient list per municipality;
 * at most one running sweep per municipality. EPJ calls ({@link SweepCaller}) are authenticated through
 * {@link CallerAuthentication} before anything is read or changed; operator and schedule calls
 * ({@link Initiator}) are trusted (the Karaf console and the configuration are). Every registration and
 * start is recorded in the audit trail with its initiator, and Legemiddelvarsling audits every patient.
 */
@ProviderType
public interface MedicationSweeps {

    /**
     * Replaces the municipality's patient list, atomically: patients who stay keep their last-check
     * timestamps, new ones are checked from scratch, removed ones are forgotten. The identity numbers
     * are pulled from {@code patientIds} one at a time, so a list of any size never has to be in memory.
     * A {@link RuntimeException} thrown by the iterator (e.g. a parse error) aborts the registration,
     * leaves the previous list in place and is rethrown unchanged.
     */
    PatientListReceipt replacePatientList(SweepCaller caller, Iterator<String> patientIds) throws SweepException;

    /**
     * Starts a sweep over the municipality's list, or resumes its interrupted one. When a sweep is
     * already running, returns that one.
     *
     * @param callbackUrl where to POST the notification when the sweep ends; null for none
     */
    SweepStatus start(SweepCaller caller, String callbackUrl) throws SweepException;

    /** As {@link #start(SweepCaller, String)}, for an operator or a schedule. */
    SweepStatus start(Initiator initiator, String kommunenummer, String adapterId, String callbackUrl)
            throws SweepException;

    SweepStatus status(SweepCaller caller, String sweepId) throws SweepException;

    /** The municipality's most recent sweep, if it has had one. */
    Optional<SweepStatus> latest(SweepCaller caller) throws SweepException;

    /**
     * Patients of the sweep with new medication information, a page at a time (found so far while it runs).
     *
     * @param pageToken null for the first page, then the previous page's {@link FindingsPage#nextPageToken()}
     * @param pageSize 1 to 1000
     */
    FindingsPage findings(SweepCaller caller, String sweepId, String pageToken, int pageSize) throws SweepException;

    /** Recent sweeps of a municipality, newest first, for operators. */
    List<SweepStatus> sweeps(String kommunenummer, int max) throws SweepException;
}
