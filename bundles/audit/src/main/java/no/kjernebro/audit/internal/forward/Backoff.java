package no.kjernebro.audit.internal.forward;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: {@code initial}, twice that, four times ... at most {@code max},
 * each wait shortened by a random share of up to {@code jitter}, so that nodes sharing a database and
 * records failing together do not hammer a recovering receiver in step.
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("forward.retry.initialMs must be positive and at most forward.retry.maxMs");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("forward.retry.jitter must be between 0 and 1");
        }
    }

    /** Wait before the next attempt after {@code failures} failures in a row (1 or more). */
    public Duration after(int failures) {
        return after(failures, () -> ThreadLocalRandom.current().nextDouble());
    }

    Duration after(int failures, DoubleSupplier random) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long ceiling = max.toMillis();
        long wait = initial.toMillis() > (ceiling >> doublings) ? ceiling : Math.min(ceiling, initial.toMillis() << doublings);
        long cut = Math.round(wait * jitter * random.getAsDouble());
        return Duration.ofMillis(Math.max(1, wait - cut));
    }
}
