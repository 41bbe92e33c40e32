package no.kjernebro.simulator.internal.dpop;

/** A DPoP proof that is refused; {@link #nonceRequired()} when only a (fresh) server nonce is missing. */
public final class DpopException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean nonceRequired;

    private DpopException(String message, boolean nonceRequired) {
        super(message, null, false, false);
        this.nonceRequired = nonceRequired;
    }

    static DpopException invalid(String message) {
        return new DpopException(message, false);
    }

    static DpopException useNonce(String message) {
        return new DpopException(message, true);
    }

    public boolean nonceRequired() {
        return nonceRequired;
    }
}
