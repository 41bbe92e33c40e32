package no.kjernebro.core.internal.kj;

import no.kjernebro.api.summary.PatientSummary;

/**
 * Fetches a patient's kjernejournal: system token, Helseindikator, then the granted sections with
 * the user's token. An interface so the lookup service can be tested without HTTP.
 */
public interface KjernejournalClient {

    /**
     * @return the summary holding the Helseindikator and, when the patient has a kjernejournal,
     *         exactly the requested sections
     * @throws KjernejournalException with the error code to report; never any other exception
     */
    PatientSummary fetch(KjernejournalRequest request) throws KjernejournalException;
}
