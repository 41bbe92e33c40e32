package no.kjernebro.core.internal.kj;

/** Kjernejournal answered 404 to a call with a ticket: it does not know the ticket (expired or never issued). */
final class TicketUnknown extends Exception {
    private static final long serialVersionUID = 1L;

    TicketUnknown(String message) {
        super(message);
    }
}
