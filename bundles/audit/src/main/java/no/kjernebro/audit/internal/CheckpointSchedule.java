package no.kjernebro.audit.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a checkpoint round at a fixed delay on its own daemon thread. */
final class CheckpointSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSchedule.class);
    /** The first round comes sooner than the interval, so a fresh start has a checkpoint soon. */
    private static final long FIRST_ROUND_MAX_SECONDS = 30;

    private final ScheduledExecutorService executor;

    CheckpointSchedule(Checkpointer checkpointer, Duration interval) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kjb-audit-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        long seconds = interval.toSeconds();
        executor.scheduleWithFixedDelay(() -> round(checkpointer), Math.min(seconds, FIRST_ROUND_MAX_SECONDS),
                seconds, TimeUnit.SECONDS);
    }

    private static void round(Checkpointer checkpointer) {
        try {
            int written = checkpointer.checkpointMovedChains();
            LOG.debug("Audit checkpoint round: {} written", written);
        } catch (Exception e) {
            // a failed round must not end the schedule; the next one tries again
            LOG.error("Audit checkpoint round failed: {}", LogSafe.describe(e));
        }
    }

    @Override
    public void close() {
        // shutdown, not shutdownNow: interrupting H2 file I/O would close the database
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
