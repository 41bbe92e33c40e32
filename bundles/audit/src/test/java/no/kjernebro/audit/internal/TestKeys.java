package no.kjernebro.audit.internal;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checkpoint keys for tests, generated once with OpenSSL (src/test/resources/keys): they sign
 * nothing outside these tests.
 */
final class TestKeys {

    static final String KEY_ID = "test-ec-1";

    private TestKeys() {
    }

    static Path path(String name) {
        try {
            return Path.of(TestKeys.class.getResource("/keys/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String file(String name) {
        return path(name).toString();
    }

    /** The EC P-256 test key as id {@link #KEY_ID}. */
    static CheckpointKeys ec() {
        return load("checkpoint-ec.pem", KEY_ID);
    }

    /** An attacker's key that claims the same id. */
    static CheckpointKeys attacker() {
        return load("attacker-ec.pem", KEY_ID);
    }

    static CheckpointKeys load(String file, String id, String... trusted) {
        try {
            return CheckpointKeys.load(file(file), id, trusted);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static CheckpointKeys none() {
        return CheckpointKeys.verifyOnly(Map.of());
    }
}
