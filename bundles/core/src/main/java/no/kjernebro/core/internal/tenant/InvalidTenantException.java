package no.kjernebro.core.internal.tenant;

/** A tenant configuration that cannot be served; the message says what to fix. */
public final class InvalidTenantException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidTenantException(String message) {
        super(message);
    }
}
