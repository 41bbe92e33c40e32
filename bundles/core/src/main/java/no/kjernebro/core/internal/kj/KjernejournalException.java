package no.kjernebro.core.internal.kj;

import no.kjernebro.api.lookup.ErrorCode;

/** A fetch that did not succeed, with the code the caller is told. Messages never hold identity numbers. */
public final class KjernejournalException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode error;

    public KjernejournalException(ErrorCode error, String message) {
        super(message);
        this.error = error;
    }

    public KjernejournalException(ErrorCode error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }
}
