package no.kjernebro.medicationsweep.internal;

import java.time.Duration;

/** The service's settings, free of the configuration annotation so tests can build them. */
record SweepSettings(int workers, long maxPatients, Backoff batchRetry, int keepSweeps, Duration callbackTimeout,
                     Backoff callbackRetry) {

    static SweepSettings from(SweepServiceConfiguration c) {
        Duration callbackMax = Duration.ofMillis(Math.max(1000, c.callback_maxDelayMs()));
        return new SweepSettings(Math.max(1, c.workers()), Math.max(1, c.maxPatients()),
                new Backoff(Duration.ofMillis(Math.max(0, c.retry_initialDelayMs())),
                        Duration.ofMillis(Math.max(Math.max(0, c.retry_initialDelayMs()), c.retry_maxDelayMs())),
                        Math.max(1, c.retry_maxAttempts())),
                Math.max(1, c.keepSweeps()), Duration.ofMillis(Math.max(100, c.callback_timeoutMs())),
                new Backoff(Duration.ofSeconds(1).compareTo(callbackMax) > 0 ? callbackMax : Duration.ofSeconds(1),
                        callbackMax, Math.max(1, c.callback_maxAttempts())));
    }
}
