package no.kjernebro.core.internal.helseid;

/** A user token that fails a check; the message names the check, never the token. */
public final class InvalidUserTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidUserTokenException(String message) {
        super(message);
    }
}
