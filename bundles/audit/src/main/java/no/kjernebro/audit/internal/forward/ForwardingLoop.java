package no.kjernebro.audit.internal.forward;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs forwarding rounds on one background thread: at once again after a full batch, after
 * {@code interval} when the outbox is idle, after the backoff when the receiver is unavailable.
 */
final class ForwardingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardingLoop.class);

    private final AuditForwarder forwarder;
    private final ForwardSettings settings;
    private final ForwardingCounters counters;
    private final ScheduledExecutorService executor;

    ForwardingLoop(AuditForwarder forwarder, ForwardSettings settings, ForwardingCounters counters) {
        this.forwarder = forwarder;
        this.settings = settings;
        this.counters = counters;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kjernebro-audit-forwarder");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The first round runs after one interval, when the audit log has had time to create its schema. */
    void start() {
        schedule(settings.interval());
        LOG.info("Forwarding audit events to {} (batch {}, {} in flight)", settings.endpointForDisplay(),
                settings.batchSize(), settings.concurrency());
    }

    /**
     * Lets the round under way finish (an accepted event also leaves the outbox), then stops; interrupts
     * only when that takes longer than a request timeout. Whatever is unsent stays in the outbox.
     */
    void stop() {
        forwarder.stop();
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
    }

    private void schedule(Duration delay) {
        if (!executor.isShutdown()) {
            executor.schedule(this::round, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    // Nothing may escape: the next round is scheduled by this one.
    private void round() {
        Duration pause = settings.interval();
        try {
            AuditForwarder.Round round = forwarder.forwardDue();
            pause = forwarder.pauseAfter(round);
            if (round.receiverUnavailable()) {
                LOG.warn("Audit receiver unavailable ({}); {} delivered this round, next try in {} ms",
                        counters.lastError(), round.delivered(), pause.toMillis());
            } else if (round.refused() > 0) {
                LOG.warn("Audit receiver refused {} event(s): {}", round.refused(), counters.lastError());
            }
        } catch (SQLException e) {
            String error = "outbox: " + ErrorText.safe(e.getMessage(), 200);
            counters.failed(error);
            LOG.warn("Audit outbox unreadable, will retry: {}", error);
        } catch (RuntimeException e) {
            counters.failed("forwarder: " + e.getClass().getSimpleName());
            LOG.error("Audit forwarding round failed: {}", ErrorText.safe(String.valueOf(e), 300));
        } finally {
            try {
                schedule(pause);
            } catch (RejectedExecutionException stopping) {
                // stop() raced with the reschedule: nothing to do
            }
        }
    }
}
