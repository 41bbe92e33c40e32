package no.kjernebro.audit.internal.forward;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * What forwarding needs from the configuration, as plain values so tests and the benchmark can build it.
 *
 * @param interval pause between polls of an empty (or not yet due) outbox
 * @param batchSize most records read from the outbox per round
 * @param concurrency POSTs in flight at once
 * @param bearerToken empty when the receiver needs no token
 */
public record ForwardSettings(boolean enabled, URI url, Duration interval, int batchSize, int concurrency,
                              Duration timeout, Optional<String> bearerToken, Backoff backoff, String serverName) {

    public ForwardSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("forward.batchSize must be at least 1");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("forward.concurrency must be at least 1");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("forward.intervalMs must be positive");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("forward.timeoutMs must be positive");
        }
    }

    static ForwardSettings from(ForwardConfiguration config) {
        return new ForwardSettings(config.forward_enabled(), URI.create(config.forward_url().trim()),
                Duration.ofMillis(config.forward_intervalMs()), config.forward_batchSize(),
                config.forward_concurrency(), Duration.ofMillis(config.forward_timeoutMs()),
                BearerToken.from(config),
                new Backoff(Duration.ofMillis(config.forward_retry_initialMs()),
                        Duration.ofMillis(config.forward_retry_maxMs()), config.forward_retry_jitter()),
                config.server_name());
    }

    /** The URL without user info or query, for status output. */
    public String endpointForDisplay() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getPath() == null ? "" : url.getPath());
    }
}
