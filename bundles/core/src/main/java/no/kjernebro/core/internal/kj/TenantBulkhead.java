package no.kjernebro.core.internal.kj;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import no.kjernebro.api.lookup.ErrorCode;

/**
 * At most {@code maxConcurrent} upstream calls in flight per municipality. A caller waits at most
 * {@code maxWaitMs} for a place, then gets TOO_MANY_REQUESTS: one municipality's burst queues behind
 * its own calls and cannot take the connections and threads the others need.
 */
final class TenantBulkhead {

    /** A place in the bulkhead; close it when the call is done. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final int maxConcurrent;
    private final long maxWaitMs;
    private final Map<String, Semaphore> places = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    TenantBulkhead(int maxConcurrent, long maxWaitMs) {
        this.maxConcurrent = Math.max(1, maxConcurrent);
        this.maxWaitMs = Math.max(0, maxWaitMs);
    }

    Permit acquire(String kommunenummer) throws KjernejournalException {
        // fair, so a municipality's waiting lookups are served in the order they came
        Semaphore semaphore = places.computeIfAbsent(kommunenummer, k -> new Semaphore(maxConcurrent, true));
        boolean got;
        try {
            got = maxWaitMs == 0 ? semaphore.tryAcquire() : semaphore.tryAcquire(maxWaitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KjernejournalException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted while waiting for a place in "
                    + "the bulkhead of tenant " + kommunenummer);
        }
        if (!got) {
            refused.incrementAndGet();
            throw new KjernejournalException(ErrorCode.TOO_MANY_REQUESTS, "tenant " + kommunenummer + " already has "
                    + maxConcurrent + " kjernejournal calls in flight (waited " + maxWaitMs + " ms)");
        }
        return semaphore::release;
    }

    /** Calls in flight for the tenant now. */
    int inFlight(String kommunenummer) {
        Semaphore s = places.get(kommunenummer);
        return s == null ? 0 : maxConcurrent - s.availablePermits();
    }

    long refused() {
        return refused.get();
    }
}
