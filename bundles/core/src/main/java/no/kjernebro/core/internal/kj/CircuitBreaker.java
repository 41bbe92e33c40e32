package no.kjernebro.core.internal.kj;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A count-based circuit breaker for one upstream API. Closed: calls pass and the outcome of the last
 * {@code windowSize} calls is kept; once at least {@code minimumCalls} are recorded and the failure
 * share reaches {@code failureRatePercent}, it opens. Open: every call fails fast until
 * {@code openDuration} has passed. Half-open: at most {@code halfOpenProbes} calls pass; when that many
 * succeed it closes, one failure opens it again.
 *
 * <p>Our own rather than Camel's resilience4j EIP: the breaker has to guard calls that are not Camel
 * routes (the HelseID client's token request), must be driven by an injectable clock so trip and
 * recovery are tested without sleeping, and is small enough to read in one sitting.
 *
 * <p>A permit remembers the breaker's epoch: an outcome that arrives after the state changed (a slow
 * call from before the breaker opened) is ignored rather than counted as a probe.
 */
final class CircuitBreaker {

    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    enum State { CLOSED, OPEN, HALF_OPEN }

    /** Settings of one breaker. */
    record Settings(int windowSize, int minimumCalls, int failureRatePercent, Duration openDuration, int halfOpenProbes) {
        Settings {
            windowSize = Math.max(1, windowSize);
            minimumCalls = Math.max(1, Math.min(minimumCalls, windowSize));
            failureRatePercent = Math.max(1, Math.min(100, failureRatePercent));
            halfOpenProbes = Math.max(1, halfOpenProbes);
        }
    }

    /** Permission for one call. */
    record Permit(long epoch) {
    }

    private final String name;
    private final Settings settings;
    private final Clock clock;
    private final boolean[] window;
    private int next;
    private int recorded;
    private int failures;
    private State state = State.CLOSED;
    private long epoch;
    private Instant openedAt;
    private int probesInFlight;
    private int probeSuccesses;
    private long timesOpened;
    private long rejected;

    CircuitBreaker(String name, Settings settings, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.clock = clock;
        this.window = new boolean[settings.windowSize()];
    }

    /** A permit, or null when the call must fail fast. */
    synchronized Permit tryAcquire() {
        if (state == State.OPEN) {
            if (clock.instant().isBefore(openedAt.plus(settings.openDuration()))) {
                rejected++;
                return null;
            }
            transition(State.HALF_OPEN);
        }
        if (state == State.HALF_OPEN) {
            if (probesInFlight + probeSuccesses >= settings.halfOpenProbes()) {
                rejected++;
                return null;
            }
            probesInFlight++;
        }
        return new Permit(epoch);
    }

    synchronized void onSuccess(Permit permit) {
        if (permit == null || permit.epoch() != epoch) {
            return;
        }
        if (state == State.HALF_OPEN) {
            probesInFlight--;
            probeSuccesses++;
            if (probeSuccesses >= settings.halfOpenProbes()) {
                transition(State.CLOSED);
                LOG.info("Circuit breaker {} closed: {} probe call(s) succeeded", name, probeSuccesses);
            }
        } else if (state == State.CLOSED) {
            record(false);
        }
    }

    synchronized void onFailure(Permit permit) {
        if (permit == null || permit.epoch() != epoch) {
            return;
        }
        if (state == State.HALF_OPEN) {
            open("a probe call failed");
        } else if (state == State.CLOSED) {
            record(true);
            if (recorded >= settings.minimumCalls() && failures * 100 >= settings.failureRatePercent() * recorded) {
                open(failures + " of the last " + recorded + " calls failed");
            }
        }
    }

    synchronized State state() {
        // an expired open period reads as half-open, which is what the next call will see
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(settings.openDuration()))) {
            return State.HALF_OPEN;
        }
        return state;
    }

    synchronized long timesOpened() {
        return timesOpened;
    }

    synchronized long rejected() {
        return rejected;
    }

    String name() {
        return name;
    }

    private void record(boolean failed) {
        if (recorded == window.length) {
            if (window[next]) {
                failures--;
            }
        } else {
            recorded++;
        }
        window[next] = failed;
        if (failed) {
            failures++;
        }
        next = (next + 1) % window.length;
    }

    private void open(String why) {
        transition(State.OPEN);
        openedAt = clock.instant();
        timesOpened++;
        LOG.warn("Circuit breaker {} opened ({}): calls fail fast for {} s, then up to {} probe call(s)",
                name, why, settings.openDuration().toSeconds(), settings.halfOpenProbes());
    }

    private void transition(State to) {
        state = to;
        epoch++;
        probesInFlight = 0;
        probeSuccesses = 0;
        if (to == State.CLOSED) {
            recorded = 0;
            failures = 0;
            next = 0;
        }
    }
}
