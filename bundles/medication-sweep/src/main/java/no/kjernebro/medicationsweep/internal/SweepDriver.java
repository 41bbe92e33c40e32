package no.kjernebro.medicationsweep.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives running sweeps on a small thread pool: one batch per task, the next task scheduled at once or
 * after the backoff. A sweep is driven by at most one task at a time. A database failure is retried like
 * a failed batch, since the cursor in the database is the only truth.
 */
final class SweepDriver {

    private static final Logger LOG = LoggerFactory.getLogger(SweepDriver.class);

    private final ScheduledExecutorService executor;
    private final SweepEngine engine;
    private final Backoff storeBackoff;
    private final Consumer<String> onEnded;
    private final Set<String> driven = ConcurrentHashMap.newKeySet();
    /** Sweeps asked to be driven while their task was ending: stepped once more to see their new state. */
    private final Set<String> again = ConcurrentHashMap.newKeySet();

    /**
     * @param onEnded called with the sweep id when a sweep ends in a state worth notifying
     */
    SweepDriver(ScheduledExecutorService executor, SweepEngine engine, Backoff storeBackoff, Consumer<String> onEnded) {
        this.executor = executor;
        this.engine = engine;
        this.storeBackoff = storeBackoff;
        this.onEnded = onEnded;
    }

    /** Starts driving the sweep unless it is already driven. */
    synchronized void drive(String sweepId) {
        if (driven.add(sweepId)) {
            submit(sweepId, Duration.ZERO, 0);
        } else {
            again.add(sweepId);
        }
    }

    // A resumed sweep may be asked to run just as its previous task sees it interrupted: the lock
    // makes sure that one of the two steps it again.
    private synchronized void ended(String sweepId) {
        driven.remove(sweepId);
        if (again.remove(sweepId)) {
            drive(sweepId);
        }
    }

    boolean isDriven(String sweepId) {
        return driven.contains(sweepId);
    }

    private void submit(String sweepId, Duration delay, int storeFailures) {
        again.remove(sweepId);
        try {
            executor.schedule(() -> run(sweepId, storeFailures), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the component is going away; the sweep resumes from its cursor on the next activation
            driven.remove(sweepId);
        }
    }

    private void run(String sweepId, int storeFailures) {
        Step step;
        try {
            step = engine.step(sweepId);
        } catch (SQLException | RuntimeException e) {
            int failures = storeFailures + 1;
            LOG.warn("Sweep {}: the sweep store failed ({}), attempt {}; retrying", sweepId, e.getClass().getSimpleName(),
                    failures);
            submit(sweepId, storeBackoff.after(failures), failures);
            return;
        }
        if (step instanceof Step.Next) {
            submit(sweepId, Duration.ZERO, 0);
        } else if (step instanceof Step.RetryAfter retry) {
            submit(sweepId, retry.delay(), 0);
        } else {
            ended(sweepId);
            if (((Step.Ended) step).announce()) {
                onEnded.accept(sweepId);
            }
        }
    }
}
