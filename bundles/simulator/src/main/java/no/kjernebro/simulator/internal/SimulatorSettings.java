package no.kjernebro.simulator.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Plain settings of one simulator instance, built from the OSGi configuration or directly by tests.
 *
 * @param datasetPath file of the dataset; null or blank for the packaged default
 * @param clientsDir folder holding {@code <clientId>.pem} public keys of registered HelseID clients
 * @param issuer base URL the simulator names itself by in tokens and metadata
 * @param varsling how Legemiddelvarsling answers
 */
public record SimulatorSettings(String host, int port, String datasetPath, Path clientsDir, String issuer,
                                Duration ticketTtl, Varsling varsling) {

    /**
     * Legemiddelvarsling settings.
     *
     * @param maxBatchSize most patients one request may ask about; more is 400
     * @param syntheticNewShare for valid numbers not in the dataset: the share that has new medication
     *        information on any one day (0 to 1)
     */
    public record Varsling(int maxBatchSize, double syntheticNewShare) {

        public static final Varsling DEFAULTS = new Varsling(100, 0.05);

        public Varsling {
            if (maxBatchSize < 1) {
                throw new IllegalArgumentException("legemiddelvarsling.maxBatchSize must be at least 1");
            }
            if (!(syntheticNewShare >= 0 && syntheticNewShare <= 1)) {
                throw new IllegalArgumentException("legemiddelvarsling.syntheticNewShare must be between 0 and 1");
            }
        }
    }

    /** Settings with the default Legemiddelvarsling behaviour. */
    public SimulatorSettings(String host, int port, String datasetPath, Path clientsDir, String issuer,
                             Duration ticketTtl) {
        this(host, port, datasetPath, clientsDir, issuer, ticketTtl, Varsling.DEFAULTS);
    }

    public SimulatorSettings {
        issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        varsling = varsling == null ? Varsling.DEFAULTS : varsling;
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
                clientsDir(config.clients_dir()), config.issuer(), Duration.ofSeconds(config.ticketTtlSeconds()),
                new Varsling(config.legemiddelvarsling_maxBatchSize(), config.legemiddelvarsling_syntheticNewShare()));
    }

    // ${karaf.etc} is resolved here as well, so the default works whether or not the config file sets it.
    static Path clientsDir(String configured) {
        String etc = System.getProperty("karaf.etc", "etc");
        String value = configured == null || configured.isBlank() ? "${karaf.etc}/kjernebro/helseid-clients" : configured;
        return Path.of(value.replace("${karaf.etc}", etc));
    }
}
