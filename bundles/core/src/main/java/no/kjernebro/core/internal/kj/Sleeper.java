package no.kjernebro.core.internal.kj;

import java.time.Duration;

/** Waiting between attempts, injectable so tests neither sleep nor depend on timing. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
