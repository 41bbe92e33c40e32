package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import no.kjernebro.api.lookup.ErrorCode;

/**
 * A patient list could not be read to its end. Unchecked, because it surfaces from the iterator the
 * sweep service pulls from; the service then keeps the previous list and rethrows it unchanged.
 */
public final class PatientListException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode error;

    public PatientListException(TranslationException cause) {
        super(cause.getMessage(), null, false, false);
        this.error = cause.error();
    }

    public ErrorCode error() {
        return error;
    }
}
