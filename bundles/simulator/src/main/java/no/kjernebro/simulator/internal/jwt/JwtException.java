package no.kjernebro.simulator.internal.jwt;

/** A token that cannot be read or whose signature does not hold. The message is safe to return to a client. */
public final class JwtException extends Exception {

    private static final long serialVersionUID = 1L;

    public JwtException(String message) {
        super(message, null, false, false);
    }
}
