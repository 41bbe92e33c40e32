package no.kjernebro.api.admin;

/** An administrative change was refused or could not be stored; nothing was changed. */
public class AdministrationException extends Exception {
    private static final long serialVersionUID = 1L;

    public AdministrationException(String message) {
        super(message);
    }

    public AdministrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
