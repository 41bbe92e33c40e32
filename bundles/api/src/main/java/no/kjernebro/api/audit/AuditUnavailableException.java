package no.kjernebro.api.audit;

/** The record could not be committed; the caller must not return patient data. */
public class AuditUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
