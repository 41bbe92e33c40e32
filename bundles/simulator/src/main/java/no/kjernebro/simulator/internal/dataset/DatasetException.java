package no.kjernebro.simulator.internal.dataset;

/** The dataset cannot be read or breaks a rule; the message says where. */
public final class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatasetException(String message) {
        super(message);
    }
}
