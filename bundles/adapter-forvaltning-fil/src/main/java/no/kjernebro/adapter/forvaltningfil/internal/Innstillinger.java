package no.kjernebro.adapter.forvaltningfil.internal;

import java.nio.file.Path;

/**
 * The adapter's settings, resolved: the root folder as an absolute path, limits clamped to sane values.
 *
 * @param readLockMinAgeMs how long a request file must have been unchanged before it is read
 */
record Innstillinger(Path rot, long pollDelayMs, int maxBytes, int keepDays, long readLockMinAgeMs) {

    static final String KARAF_DATA = "${karaf.data}";
    static final int MIN_MAX_BYTES = 1024;

    Innstillinger {
        rot = rot.toAbsolutePath().normalize();
        pollDelayMs = Math.max(50, pollDelayMs);
        maxBytes = Math.max(MIN_MAX_BYTES, maxBytes);
        keepDays = Math.max(0, keepDays);
        readLockMinAgeMs = Math.max(0, readLockMinAgeMs);
    }

    static Innstillinger fra(ForvaltningFilConfig config) {
        // Karaf substitutes ${karaf.data} in etc/*.cfg files, but not in a metatype default.
        String root = config.root().replace(KARAF_DATA, System.getProperty("karaf.data", "data"));
        return new Innstillinger(Path.of(root), config.pollDelayMs(), config.maxBytes(), config.keepDays(),
                config.readLockMinAgeMs());
    }
}
