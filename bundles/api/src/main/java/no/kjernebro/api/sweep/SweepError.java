package no.kjernebro.api.sweep;

/** Reasons, other than authentication, why a sweep request cannot be served. */
public enum SweepError {
    NOT_FOUND(404, "no such sweep for this municipality"),
    NO_PATIENT_LIST(409, "the municipality has not registered a patient list"),
    SWEEP_RUNNING(409, "a sweep is running; the patient list cannot be replaced until it ends"),
    TOO_MANY_PATIENTS(413, "the patient list is longer than Kjernebro accepts"),
    INVALID_CALLBACK_URL(422, "the callback URL is not an absolute http(s) URL without credentials or identity numbers"),
    INVALID_PAGE(400, "the page token or page size is not valid"),
    AUDIT_UNAVAILABLE(503, "the audit log is unavailable; nothing is changed without a record"),
    STORE_UNAVAILABLE(503, "the sweep store could not be reached");

    private final int httpStatus;
    private final String description;

    SweepError(int httpStatus, String description) {
        this.httpStatus = httpStatus;
        this.description = description;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String description() {
        return description;
    }
}
