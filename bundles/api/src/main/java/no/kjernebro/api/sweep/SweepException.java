package no.kjernebro.api.sweep;

import java.util.Optional;
import no.kjernebro.api.lookup.ErrorCode;

/**
 * A sweep request was refused or could not be served. Exactly one of {@link #errorCode()} (the caller
 * was not authenticated for the municipality) and {@link #sweepError()} is present; {@link #code()}
 * and {@link #httpStatus()} give whichever it is.
 */
public class SweepException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final SweepError sweepError;

    public SweepException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
        this.sweepError = null;
    }

    public SweepException(SweepError sweepError, String message) {
        super(message);
        this.errorCode = null;
        this.sweepError = sweepError;
    }

    public Optional<ErrorCode> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    public Optional<SweepError> sweepError() {
        return Optional.ofNullable(sweepError);
    }

    /** The stable code: an {@link ErrorCode} or {@link SweepError} name. */
    public String code() {
        return errorCode != null ? errorCode.name() : sweepError.name();
    }

    public int httpStatus() {
        return errorCode != null ? errorCode.httpStatus() : sweepError.httpStatus();
    }
}
