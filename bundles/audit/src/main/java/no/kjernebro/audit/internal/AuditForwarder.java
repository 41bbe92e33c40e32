package no.kjernebro.audit.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox rows as BALP AuditEvents on one background thread. A row leaves the outbox only
 * when the receiver answers 2xx; otherwise it is retried with exponential backoff, also after a
 * restart since the outbox is in the database. The receiver is idempotent on the event id, so a
 * record sent twice (a crash between POST and delete, or two nodes on one database) does no harm.
 */
public final class AuditForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(AuditForwarder.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    /** What one round did. */
    public record Round(int delivered, int failed) {
    }

    private final AuditOutbox outbox;
    private final BalpAuditEventRenderer renderer;
    private final ObjectMapper mapper;
    private final ForwardSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private ScheduledExecutorService executor;
    private volatile boolean stopping;

    public AuditForwarder(AuditOutbox outbox, ObjectMapper mapper, ForwardSettings settings, Clock clock) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.settings = settings;
        this.clock = clock;
        this.renderer = new BalpAuditEventRenderer(mapper, settings.serverName());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        stopping = false;
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kjernebro-audit-forwarder");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.interval().toMillis();
        executor.scheduleWithFixedDelay(this::roundQuietly, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("Forwarding audit events to {} every {} ms", settings.url(), interval);
    }

    /**
     * Lets the record being sent finish (so an accepted event also leaves the outbox), then stops;
     * interrupts only when that takes longer than one request timeout.
     */
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                LOG.warn("The audit forwarder did not stop in time; unsent records stay in the outbox");
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    // A scheduled task that throws is never run again, so nothing may escape.
    private void roundQuietly() {
        try {
            Round round = forwardDue();
            if (round.failed() > 0) {
                LOG.warn("Audit forwarding: {} delivered, {} failed; will retry", round.delivered(), round.failed());
            }
        } catch (SQLException e) {
            LOG.warn("Audit outbox unreadable, will retry: {}", LogSafe.describe(e));
        } catch (RuntimeException e) {
            LOG.error("Audit forwarding round failed", LogSafe.scrub(e));
        }
    }

    /** Sends the rows due now. A transport failure ends the round: the receiver is down for all of them. */
    public Round forwardDue() throws SQLException {
        int delivered = 0;
        int failed = 0;
        for (AuditOutbox.Pending pending : outbox.due(clock.instant(), settings.batchSize())) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                break;
            }
            Attempt attempt = send(pending.record());
            if (attempt.error() == null) {
                outbox.delivered(pending.record().seq());
                delivered++;
                continue;
            }
            int attempts = pending.attempts() + 1;
            outbox.postpone(pending.record().seq(), attempts, clock.instant().plus(backoff(attempts)), attempt.error());
            failed++;
            if (attempt.receiverDown()) {
                break;
            }
        }
        return new Round(delivered, failed);
    }

    /** Wait before attempt {@code attempts + 1}: 2 s, 4 s, 8 s ... at most 5 minutes. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** One POST: {@code error} is null when the receiver accepted the event. */
    private record Attempt(String error, boolean receiverDown) {
        static final Attempt ACCEPTED = new Attempt(null, false);
    }

    private Attempt send(AuditRecord record) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/fhir+json")
                .header("Accept", "application/fhir+json, application/json");
        settings.bearerToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        try {
            byte[] body = mapper.writeValueAsBytes(renderer.render(record));
            HttpResponse<String> response = http.send(
                    request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                LOG.debug("Forwarded {}", record.reference());
                return Attempt.ACCEPTED;
            }
            LOG.debug("Receiver refused {} with HTTP {}", record.reference(), response.statusCode());
            return new Attempt("HTTP " + response.statusCode() + ": "
                    + LogSafe.mask(BoundedText.bound(response.body(), 200)), false);
        } catch (JsonProcessingException e) {
            return new Attempt("render: " + e.getOriginalMessage(), false);
        } catch (IOException e) {
            return new Attempt("transport: " + LogSafe.describe(e), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt("transport: interrupted", true);
        }
    }
}
