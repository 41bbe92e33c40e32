package no.kjernebro.api.lookup;

/** How a patient access attempt ended, as the audit log records it. */
public enum Outcome {
    /** data was returned (possibly no sections, e.g. the patient has no kjernejournal). */
    ALLOWED,
    /** validation, authentication or policy refused it; nothing was fetched. */
    REFUSED,
    /** it was allowed but could not be completed (kjernejournal unavailable, internal error). */
    FAILED
}
