package no.kjernebro.core.internal.kj;

import java.util.concurrent.atomic.AtomicLong;

/** Counters for operators and for the measurements in docs/benchmarks.md. */
final class ClientStatistics {

    final AtomicLong helseindikatorCalls = new AtomicLong();
    final AtomicLong ticketsReused = new AtomicLong();
    final AtomicLong ticketsRefused = new AtomicLong();
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong failedFast = new AtomicLong();

    @Override
    public String toString() {
        return "helseindikatorCalls=" + helseindikatorCalls + " ticketsReused=" + ticketsReused
                + " ticketsRefused=" + ticketsRefused + " attempts=" + attempts + " retries=" + retries
                + " rateLimited=" + rateLimited + " failedFast=" + failedFast;
    }
}
