package ${package}.internal.json;

import no.kjernebro.api.lookup.ErrorCode;

/** A request the adapter cannot translate; the message names the field at fault, never its value. */
final class TranslationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode error;

    TranslationException(ErrorCode error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    ErrorCode error() {
        return error;
    }
}
