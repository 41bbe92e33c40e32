package no.kjernebro.medicationsweep.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.kjernebro.api.sweep.SweepCallbackFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers "sweep ended" notifications to the EPJ's callback URL, durably: the state is on the run row,
 * so a notification pending at shutdown is sent after the restart. Retries with backoff, then gives up
 * (FAILED, visible in the progress); the EPJ can always poll.
 */
final class CallbackDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDelivery.class);
    private static final SweepCallbackFormat DEFAULT_FORMAT = new DefaultCallbackFormat();

    private final SweepRunStore runs;
    private final CallbackPoster poster;
    private final ScheduledExecutorService executor;
    private final Backoff backoff;
    private final Clock clock;
    private final Map<String, SweepCallbackFormat> formats = new ConcurrentHashMap<>();

    CallbackDelivery(SweepRunStore runs, CallbackPoster poster, ScheduledExecutorService executor, Backoff backoff,
                     Clock clock) {
        this.runs = runs;
        this.poster = poster;
        this.executor = executor;
        this.backoff = backoff;
        this.clock = clock;
    }

    void format(String adapterId, SweepCallbackFormat format) {
        if (format == null) {
            formats.remove(adapterId);
        } else {
            formats.put(adapterId, format);
        }
    }

    /** The sweep ended: deliver its notification if it has a callback URL. */
    void ended(String sweepId) {
        try {
            runs.callbackDue(sweepId, clock.instant());
        } catch (SQLException e) {
            LOG.warn("Sweep {}: could not record the pending callback: {}", sweepId, e.getClass().getSimpleName());
            return;
        }
        schedule(sweepId, Duration.ZERO);
    }

    /** Picks up notifications left pending by a restart. */
    void resumePending() throws SQLException {
        Instant now = clock.instant();
        for (SweepRun run : runs.pendingCallbacks()) {
            Instant at = run.callbackNextAt() == null ? now : run.callbackNextAt();
            schedule(run.sweepId(), at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        }
    }

    /** One delivery attempt; package-private for tests. */
    void attempt(String sweepId) {
        Optional<SweepRun> found;
        try {
            found = runs.find(sweepId);
        } catch (SQLException e) {
            schedule(sweepId, backoff.max());
            return;
        }
        if (found.isEmpty() || found.get().callbackState() != SweepRun.CallbackState.PENDING) {
            return;
        }
        SweepRun run = found.get();
        SweepCallbackFormat format = formats.getOrDefault(run.adapterId(), DEFAULT_FORMAT);
        String error;
        try {
            int status = poster.post(run.callbackUrl(), format.contentType(), format.render(run.toStatus()));
            if (status >= 200 && status < 300) {
                runs.callbackAttempt(sweepId, SweepRun.CallbackState.DELIVERED, run.callbackAttempts() + 1, null, null);
                LOG.info("Sweep {}: callback delivered (HTTP {})", sweepId, status);
                return;
            }
            error = "the callback URL answered HTTP " + status;
        } catch (Exception e) {
            error = "the callback URL could not be reached: " + e.getClass().getSimpleName();
        }
        retryLater(run, error);
    }

    private void retryLater(SweepRun run, String error) {
        int attempts = run.callbackAttempts() + 1;
        boolean giveUp = backoff.exhausted(attempts);
        Duration delay = backoff.after(attempts);
        try {
            runs.callbackAttempt(run.sweepId(), giveUp ? SweepRun.CallbackState.FAILED : SweepRun.CallbackState.PENDING,
                    attempts, giveUp ? null : clock.instant().plus(delay), error);
        } catch (SQLException e) {
            LOG.warn("Sweep {}: could not record the callback attempt: {}", run.sweepId(), e.getClass().getSimpleName());
        }
        if (giveUp) {
            LOG.warn("Sweep {}: callback given up after {} attempts: {}", run.sweepId(), attempts, error);
        } else {
            LOG.info("Sweep {}: callback attempt {} failed ({}); next in {}", run.sweepId(), attempts, error, delay);
            schedule(run.sweepId(), delay);
        }
    }

    private void schedule(String sweepId, Duration delay) {
        try {
            executor.schedule(() -> attempt(sweepId), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // pending in the database; resumed on the next activation
        }
    }
}
