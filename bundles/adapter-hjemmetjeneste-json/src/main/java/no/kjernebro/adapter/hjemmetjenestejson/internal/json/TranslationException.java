package no.kjernebro.adapter.hjemmetjenestejson.internal.json;

import no.kjernebro.api.lookup.ErrorCode;

/** Why a message could not be translated; the message text goes to the caller, so it never quotes an identity number. */
public final class TranslationException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ErrorCode error;

    public TranslationException(ErrorCode error, String message) {
        super(message);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }
}
