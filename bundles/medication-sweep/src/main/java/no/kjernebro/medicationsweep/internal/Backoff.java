package no.kjernebro.medicationsweep.internal;

import java.time.Duration;

/** Exponential backoff between attempts of a failed batch or callback, capped. */
record Backoff(Duration initial, Duration max, int maxAttempts) {

    Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max and at least one attempt");
        }
    }

    /** The pause after the given (1-based) failed attempt: initial, 2x, 4x, ... up to max. */
    Duration after(int attempt) {
        int doublings = Math.min(Math.max(0, attempt - 1), 30);
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
