package no.kjernebro.audit.internal.forward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token for the receiver. DS publishes a component's configuration as service properties, so a
 * token written as {@code forward.bearerToken} can be read by anyone listing services; it is taken
 * from a file ({@code forward.bearerTokenFile}) or the private key {@code .forward.bearerToken} instead.
 */
final class BearerToken {

    private static final Logger LOG = LoggerFactory.getLogger(BearerToken.class);

    private BearerToken() {
    }

    static Optional<String> from(ForwardConfiguration config) {
        if (present(config._forward_bearerToken())) {
            return Optional.of(config._forward_bearerToken().trim());
        }
        if (present(config.forward_bearerTokenFile())) {
            return Optional.of(read(Path.of(config.forward_bearerTokenFile().trim())));
        }
        if (present(config.forward_bearerToken())) {
            LOG.warn("forward.bearerToken is published with the audit services' properties; "
                    + "use forward.bearerTokenFile or .forward.bearerToken instead");
            return Optional.of(config.forward_bearerToken().trim());
        }
        return Optional.empty();
    }

    private static String read(Path file) {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (token.isEmpty()) {
                throw new IllegalArgumentException("forward.bearerTokenFile " + file + " is empty");
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("forward.bearerTokenFile " + file + " cannot be read", e);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
