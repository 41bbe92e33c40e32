package no.kjernebro.core.internal.kj;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the wait before attempt n+1 is uniformly random in
 * [0, min(max, base * 2^(n-1))]. Jitter spreads the retries of many lookups that failed together, so
 * a recovering service is not hit by them all in the same millisecond.
 */
final class Backoff {

    private final long baseMs;
    private final long maxMs;
    private final DoubleSupplier random;

    Backoff(long baseMs, long maxMs, DoubleSupplier random) {
        this.baseMs = Math.max(0, baseMs);
        this.maxMs = Math.max(this.baseMs, maxMs);
        this.random = random;
    }

    Backoff(long baseMs, long maxMs) {
        this(baseMs, maxMs, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The wait after the given failed attempt (1 = the first). */
    Duration delay(int failedAttempt) {
        int shift = Math.min(30, Math.max(0, failedAttempt - 1));
        long ceiling = Math.min(maxMs, baseMs << shift);
        return Duration.ofMillis((long) Math.floor(random.getAsDouble() * (ceiling + 1)));
    }

    long ceilingMs(int failedAttempt) {
        int shift = Math.min(30, Math.max(0, failedAttempt - 1));
        return Math.min(maxMs, baseMs << shift);
    }
}
