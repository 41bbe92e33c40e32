package no.kjernebro.audit.internal.forward;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Settings for tests: no jitter, so waits are exact. */
final class ForwardTestSettings {

    static final Backoff NO_JITTER = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 0);

    private ForwardTestSettings() {
    }

    static ForwardSettings to(URI url, int batchSize, int concurrency) {
        return new ForwardSettings(true, url, Duration.ofMillis(20), batchSize, concurrency, Duration.ofSeconds(2),
                Optional.of("test-token"), NO_JITTER, "kjernebro-test");
    }
}
