package no.kjernebro.audit.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * What the forwarder needs from the configuration, as plain values so tests can build it.
 *
 * @param bearerToken empty when the receiver needs no token
 */
public record ForwardSettings(URI url, Duration interval, int batchSize, Duration timeout,
                              Optional<String> bearerToken, String serverName) {

    public ForwardSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("forward.batchSize must be at least 1");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("forward.intervalMs must be positive");
        }
    }

    static ForwardSettings from(AuditConfiguration config) {
        String token = config.forward_bearerToken();
        return new ForwardSettings(URI.create(config.forward_url().trim()),
                Duration.ofMillis(config.forward_intervalMs()),
                config.forward_batchSize(),
                Duration.ofMillis(config.forward_timeoutMs()),
                token == null || token.isBlank() ? Optional.empty() : Optional.of(token.trim()),
                config.server_name());
    }
}
