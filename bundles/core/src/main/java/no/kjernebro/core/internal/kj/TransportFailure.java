package no.kjernebro.core.internal.kj;

/** A call that produced no usable HTTP answer. The message names the cause, never patient data. */
final class TransportFailure extends Exception {
    private static final long serialVersionUID = 1L;

    enum Kind {
        /** no connection (refused, unreachable, DNS, connect timeout). */
        CONNECT,
        /** no complete answer within the read timeout or the lookup's deadline. */
        TIMEOUT,
        /** the answer was larger than the configured cap and was not read. */
        TOO_LARGE,
        /** the connection broke. */
        IO
    }

    private final Kind kind;

    TransportFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** Worth another attempt on an idempotent call. */
    boolean retriable() {
        return kind != Kind.TOO_LARGE;
    }
}
