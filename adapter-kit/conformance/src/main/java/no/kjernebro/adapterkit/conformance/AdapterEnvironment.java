package no.kjernebro.adapterkit.conformance;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the adapter under test runs: the host and port the harness gives core's placeholders
 * {@code kjernebro.http.host} / {@code kjernebro.http.port}, and an empty folder for adapters that
 * exchange files.
 */
public record AdapterEnvironment(String httpHost, int httpPort, Path workDir) {

    /** {@code http://host:port} + path, e.g. {@code uri("/kjernebro/my-adapter/v1/oppslag")}. */
    public URI uri(String path) {
        return URI.create("http://" + httpHost + ":" + httpPort + path);
    }
}
