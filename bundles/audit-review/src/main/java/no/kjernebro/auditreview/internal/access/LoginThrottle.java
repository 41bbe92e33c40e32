package no.kjernebro.auditreview.internal.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing per user name: after each failed login the name is refused for a
 * back-off that doubles with every further failure (up to a ceiling) and resets on success. The
 * table is bounded so made-up names cannot exhaust memory.
 */
public final class LoginThrottle {

    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant blockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Clock clock;

    public LoginThrottle(Duration firstBackoff, Duration maxBackoff, Clock clock) {
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
    }

    /** How long the user must still wait before a login is tried; zero when they may try now. */
    public Duration waitFor(String user) {
        Failures f = failures.get(user);
        if (f == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.blockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String user) {
        if (failures.size() >= MAX_TRACKED) {
            forgetExpired();
        }
        failures.compute(user, (name, previous) -> {
            int count = previous == null ? 1 : previous.count() + 1;
            return new Failures(count, clock.instant().plus(backoff(count)));
        });
    }

    public void succeeded(String user) {
        failures.remove(user);
    }

    Duration backoff(int failureCount) {
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(failureCount - 1, 20));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        for (Iterator<Failures> it = failures.values().iterator(); it.hasNext(); ) {
            if (!it.next().blockedUntil().isAfter(now)) {
                it.remove();
            }
        }
        if (failures.size() >= MAX_TRACKED) {
            failures.clear(); // under a flood of names, forgetting beats refusing every real user
        }
    }
}
