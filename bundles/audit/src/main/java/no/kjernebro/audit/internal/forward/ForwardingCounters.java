package no.kjernebro.audit.internal.forward;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** Deliveries since this node started and the last delivery error; survives a configuration change. */
final class ForwardingCounters {

    private final AtomicLong delivered = new AtomicLong();
    private final Clock clock;
    private volatile String lastError;

    ForwardingCounters(Clock clock) {
        this.clock = clock;
    }

    void delivered(int count) {
        delivered.addAndGet(count);
    }

    /** Remembers the error with the time it happened, so an old error is not mistaken for a current one. */
    void failed(String error) {
        lastError = clock.instant() + " " + error;
    }

    long delivered() {
        return delivered.get();
    }

    String lastError() {
        return lastError;
    }
}
