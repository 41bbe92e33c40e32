package no.kjernebro.simulator.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Plain settings of one simulator instance, built from the OSGi configuration or directly by tests.
 *
 * @param datasetPath file of the dataset; null or blank for the packaged default
 * @param clientsDir folder holding {@code <clientId>.pem} public keys of registered HelseID clients
 * @param issuer base URL the simulator names itself by in tokens and metadata
 */
public record SimulatorSettings(String host, int port, String datasetPath, Path clientsDir, String issuer,
                                Duration ticketTtl) {

    public SimulatorSettings {
        issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        if (ticketTtl.isNegative() || ticketTtl.isZero()) {
            throw new IllegalArgumentException("ticketTtlSeconds must be positive");
        }
    }

    /** The HelseID token endpoint URL client assertions must name as {@code aud}. */
    public String tokenEndpoint() {
        return issuer + "/connect/token";
    }

    static SimulatorSettings from(SimulatorConfiguration config) {
        return new SimulatorSettings(config.host(), config.port(), config.dataset(),
                clientsDir(config.clients_dir()), config.issuer(), Duration.ofSeconds(config.ticketTtlSeconds()));
    }

    // ${karaf.etc} is resolved here as well, so the default works whether or not the config file sets it.
    static Path clientsDir(String configured) {
        String etc = System.getProperty("karaf.etc", "etc");
        String value = configured == null || configured.isBlank() ? "${karaf.etc}/kjernebro/helseid-clients" : configured;
        return Path.of(value.replace("${karaf.etc}", etc));
    }
}
