package no.kjernebro.medicationsweep.internal;

import java.time.Duration;

/** What a sweep's driver does after one step. */
sealed interface Step {

    /** A batch was committed; take the next one at once. */
    record Next() implements Step {
    }

    /** The batch failed; try it again after the delay. */
    record RetryAfter(Duration delay) implements Step {
    }

    /** The sweep ended (FINISHED or INTERRUPTED), or is not running. */
    record Ended(boolean announce) implements Step {
    }
}
