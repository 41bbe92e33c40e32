package no.kjernebro.audit.internal.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import no.kjernebro.audit.internal.BalpAuditEventRenderer;
import no.kjernebro.audit.internal.forward.AuditEventSender.Delivery;
import no.kjernebro.audit.internal.forward.AuditOutbox.Pending;
import no.kjernebro.audit.internal.forward.AuditOutbox.Postponement;

/**
 * One forwarding round: reads the due outbox rows, POSTs them as BALP AuditEvents with up to
 * {@code concurrency} in flight, deletes what the receiver accepted and postpones the rest. A refused
 * event waits by its own failure count; when the receiver is unavailable the round ends at once and
 * the forwarder as a whole backs off, so a recovered receiver is probed soon and then drains the
 * backlog at full speed instead of waiting out each record's own backoff.
 */
public final class AuditForwarder {

    /** What one round did; {@code more} when a full batch went through and more rows may be due. */
    public record Round(int delivered, int refused, int unavailable, boolean more) {
        public boolean receiverUnavailable() {
            return unavailable > 0;
        }
    }

    private final AuditOutbox outbox;
    private final BalpAuditEventRenderer renderer;
    private final ObjectMapper mapper;
    private final ForwardSettings settings;
    private final AuditEventSender sender;
    private final ForwardingCounters counters;
    private final Clock clock;
    private volatile int unavailableRounds;
    private volatile boolean stopping;

    public AuditForwarder(AuditOutbox outbox, ObjectMapper mapper, ForwardSettings settings, Clock clock) {
        this(outbox, mapper, settings, clock, new ForwardingCounters(clock));
    }

    AuditForwarder(AuditOutbox outbox, ObjectMapper mapper, ForwardSettings settings, Clock clock,
                   ForwardingCounters counters) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.settings = settings;
        this.clock = clock;
        this.counters = counters;
        this.renderer = new BalpAuditEventRenderer(mapper, settings.serverName());
        this.sender = new AuditEventSender(settings);
    }

    /** Sends the rows due now. */
    public Round forwardDue() throws SQLException {
        List<Pending> due = outbox.due(clock.instant(), settings.batchSize());
        List<Long> delivered = new ArrayList<>();
        List<Postponement> postponed = new ArrayList<>();
        int refused = 0;
        int unavailable = 0;
        for (int from = 0; from < due.size() && unavailable == 0 && !stopping; from += settings.concurrency()) {
            List<Pending> window = due.subList(from, Math.min(due.size(), from + settings.concurrency()));
            List<CompletableFuture<Delivery>> sent = new ArrayList<>(window.size());
            for (Pending pending : window) {
                sent.add(send(pending));
            }
            Instant now = clock.instant();
            for (int i = 0; i < window.size(); i++) {
                Pending pending = window.get(i);
                Delivery delivery = sent.get(i).join();
                switch (delivery.result()) {
                    case ACCEPTED -> delivered.add(pending.seq());
                    case REFUSED -> {
                        refused++;
                        int attempts = pending.attempts() + 1;
                        postponed.add(new Postponement(pending.seq(), attempts,
                                now.plus(settings.backoff().after(attempts)), delivery.error()));
                    }
                    case UNAVAILABLE -> {
                        unavailable++;
                        postponed.add(new Postponement(pending.seq(), pending.attempts() + 1,
                                now.plus(settings.backoff().after(unavailableRounds + 1)), delivery.error()));
                    }
                }
                if (delivery.error() != null) {
                    counters.failed(delivery.error());
                }
            }
        }
        outbox.delivered(delivered);
        outbox.postpone(postponed);
        counters.delivered(delivered.size());
        unavailableRounds = unavailable > 0 ? unavailableRounds + 1 : 0;
        return new Round(delivered.size(), refused, unavailable,
                unavailable == 0 && !stopping && due.size() == settings.batchSize());
    }

    /** How long to wait after {@code round} before the next one. */
    Duration pauseAfter(Round round) {
        if (round.receiverUnavailable()) {
            return settings.backoff().after(unavailableRounds);
        }
        return round.more() ? Duration.ZERO : settings.interval();
    }

    /** Runs rounds until the outbox has nothing due or the receiver fails; for tests and the benchmark. */
    public int drain() throws SQLException {
        int delivered = 0;
        Round round;
        do {
            round = forwardDue();
            delivered += round.delivered();
        } while (round.more());
        return delivered;
    }

    void stop() {
        stopping = true;
    }

    private CompletableFuture<Delivery> send(Pending pending) {
        if (pending.record() == null) {
            return CompletableFuture.completedFuture(
                    new Delivery(AuditEventSender.Result.REFUSED, pending.unreadable()));
        }
        try {
            return sender.send(mapper.writeValueAsBytes(renderer.render(pending.record())));
        } catch (JsonProcessingException | RuntimeException e) {
            return CompletableFuture.completedFuture(new Delivery(AuditEventSender.Result.REFUSED,
                    "render: " + e.getClass().getSimpleName() + ": " + ErrorText.safe(e.getMessage(), 200)));
        }
    }
}
