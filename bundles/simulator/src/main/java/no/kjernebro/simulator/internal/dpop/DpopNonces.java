package no.kjernebro.simulator.internal.dpop;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The server-provided nonces of one DPoP server (RFC 9449 §8). A nonce is handed out for
 * {@code validity}; then a new one replaces it and the previous one is still accepted for one more
 * period, so a client that fetched a nonce just before the rotation is not refused at once.
 * A nonce is therefore accepted for at least {@code validity} and at most twice that.
 */
public final class DpopNonces {

    private static final int NONCE_BYTES = 24;

    private final Clock clock;
    private final Duration validity;
    private final SecureRandom random = new SecureRandom();
    private String current;
    private String previous;
    private Instant currentSince;

    public DpopNonces(Clock clock, Duration validity) {
        this.clock = clock;
        this.validity = validity;
        rotate();
    }

    /** The nonce to hand out now. */
    public synchronized String current() {
        rotateIfDue();
        return current;
    }

    public synchronized boolean accepts(String nonce) {
        rotateIfDue();
        return nonce != null && (nonce.equals(current) || nonce.equals(previous));
    }

    /** Replaces the nonce now and forgets the previous one (for tests that need a stale nonce). */
    public synchronized void rotate() {
        previous = null;
        current = fresh();
        currentSince = clock.instant();
    }

    private void rotateIfDue() {
        Instant now = clock.instant();
        if (!now.isBefore(currentSince.plus(validity))) {
            // More than two periods idle: the old one is too old to keep as "previous".
            previous = now.isBefore(currentSince.plus(validity.multipliedBy(2))) ? current : null;
            current = fresh();
            currentSince = now;
        }
    }

    private String fresh() {
        byte[] bytes = new byte[NONCE_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
