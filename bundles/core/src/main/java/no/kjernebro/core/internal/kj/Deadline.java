package no.kjernebro.core.internal.kj;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The time one lookup (or one Legemiddelvarsling batch) may take in all, retries and waits included. */
record Deadline(Instant end, Clock clock) {

    static Deadline after(Duration budget, Clock clock) {
        return new Deadline(clock.instant().plus(budget), clock);
    }

    Duration remaining() {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    boolean passed() {
        return !clock.instant().isBefore(end);
    }
}
