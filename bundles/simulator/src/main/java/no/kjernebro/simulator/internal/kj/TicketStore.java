package no.kjernebro.simulator.internal.kj;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Tickets live only in memory: random, unguessable strings that expire. */
final class TicketStore {

    private static final int TICKET_BYTES = 32;

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration ttl;
    private final Clock clock;

    TicketStore(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    Ticket issue(String orgnr, String fnr, String samtykke, LocalDate legemiddelFraDato) {
        Instant now = clock.instant();
        tickets.values().removeIf(t -> t.expiredAt(now));
        byte[] bytes = new byte[TICKET_BYTES];
        random.nextBytes(bytes);
        Ticket ticket = new Ticket(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), orgnr, fnr,
                samtykke, legemiddelFraDato, now.plus(ttl));
        tickets.put(ticket.id(), ticket);
        return ticket;
    }

    /** The ticket, or empty when unknown or expired. */
    Optional<Ticket> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Ticket ticket = tickets.get(id);
        if (ticket == null) {
            return Optional.empty();
        }
        if (ticket.expiredAt(clock.instant())) {
            tickets.remove(id);
            return Optional.empty();
        }
        return Optional.of(ticket);
    }
}
