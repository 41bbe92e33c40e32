package no.kjernebro.api.varsling;

import no.kjernebro.api.lookup.ErrorCode;

/** The batch could not be answered; {@link #error()} says why (e.g. KJERNEJOURNAL_UNAVAILABLE). */
public class VarslingException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ErrorCode error;

    public VarslingException(ErrorCode error, String message) {
        super(message);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }
}
