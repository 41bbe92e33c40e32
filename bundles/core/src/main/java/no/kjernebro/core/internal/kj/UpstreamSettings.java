package no.kjernebro.core.internal.kj;

import java.time.Duration;

/**
 * Timeouts, retries, response cap and circuit breaker of one upstream API.
 *
 * @param maxAttempts attempts of an idempotent call in all (1 = no retry); non-idempotent calls get one
 * @param maxResponseBytes answers larger than this are not read (KJERNEJOURNAL_REJECTED)
 */
record UpstreamSettings(
        int connectTimeoutMs,
        int responseTimeoutMs,
        int maxAttempts,
        long maxResponseBytes,
        CircuitBreaker.Settings breaker) {

    UpstreamSettings {
        if (connectTimeoutMs < 1 || responseTimeoutMs < 1) {
            throw new IllegalArgumentException("timeouts must be at least 1 ms");
        }
        maxAttempts = Math.max(1, maxAttempts);
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1024");
        }
    }

    Duration responseTimeout() {
        return Duration.ofMillis(responseTimeoutMs);
    }
}
