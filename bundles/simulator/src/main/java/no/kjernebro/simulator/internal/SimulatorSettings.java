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
 * @param dpop how DPoP (RFC 9449) is demanded
 * @param faults defaults of injected faults
 */
public record SimulatorSettings(String host, int port, String datasetPath, Path clientsDir, String issuer,
                                Duration ticketTtl, Varsling varsling, Dpop dpop, FaultDefaults faults) {

    /**
     * DPoP settings.
     *
     * @param required the token endpoint only issues DPoP-bound tokens and the kjernejournal APIs refuse
     *        system tokens sent as Bearer; false keeps Bearer clients working
     * @param requireNonce the token endpoint and the APIs demand a server nonce in every proof
     *        ({@code use_dpop_nonce})
     * @param nonceValidity how long a nonce is handed out before a new one replaces it
     * @param proofMaxAge how old a proof's {@code iat} may be
     */
    public record Dpop(boolean required, boolean requireNonce, Duration nonceValidity, Duration proofMaxAge) {

        public static final Dpop DEFAULTS = new Dpop(false, true, Duration.ofSeconds(300), Duration.ofSeconds(60));

        public Dpop {
            if (nonceValidity.isNegative() || nonceValidity.isZero() || proofMaxAge.isNegative() || proofMaxAge.isZero()) {
                throw new IllegalArgumentException("dpop.nonceValiditySeconds and dpop.proofMaxAgeSeconds must be positive");
            }
        }
    }

    /**
     * Defaults of injected faults.
     *
     * @param timeoutHold how long a {@code timeout} fault holds a request when the fault names no {@code timeoutMs}
     * @param oversizedBytes how many bytes an {@code oversized} fault adds when the fault names none
     */
    public record FaultDefaults(Duration timeoutHold, int oversizedBytes) {

        public static final FaultDefaults DEFAULTS = new FaultDefaults(Duration.ofSeconds(120), 16 * 1024 * 1024);

        public FaultDefaults {
            if (timeoutHold.isNegative() || timeoutHold.isZero() || oversizedBytes < 1) {
                throw new IllegalArgumentException("faults.timeoutHoldMs and faults.oversizedBytes must be positive");
            }
        }
    }

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

    /** Settings with the default DPoP and fault behaviour. */
    public SimulatorSettings(String host, int port, String datasetPath, Path clientsDir, String issuer,
                             Duration ticketTtl, Varsling varsling) {
        this(host, port, datasetPath, clientsDir, issuer, ticketTtl, varsling, Dpop.DEFAULTS, FaultDefaults.DEFAULTS);
    }

    public SimulatorSettings withDpop(Dpop value) {
        return new SimulatorSettings(host, port, datasetPath, clientsDir, issuer, ticketTtl, varsling, value, faults);
    }

    public SimulatorSettings withDatasetPath(String value) {
        return new SimulatorSettings(host, port, value, clientsDir, issuer, ticketTtl, varsling, dpop, faults);
    }

    public SimulatorSettings withFaults(FaultDefaults value) {
        return new SimulatorSettings(host, port, datasetPath, clientsDir, issuer, ticketTtl, varsling, dpop, value);
    }

    public SimulatorSettings {
        issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        varsling = varsling == null ? Varsling.DEFAULTS : varsling;
        dpop = dpop == null ? Dpop.DEFAULTS : dpop;
        faults = faults == null ? FaultDefaults.DEFAULTS : faults;
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
                new Varsling(config.legemiddelvarsling_maxBatchSize(), config.legemiddelvarsling_syntheticNewShare()),
                new Dpop(config.dpop_required(), config.dpop_requireNonce(),
                        Duration.ofSeconds(config.dpop_nonceValiditySeconds()), Duration.ofSeconds(config.dpop_proofMaxAgeSeconds())),
                new FaultDefaults(Duration.ofMillis(config.faults_timeoutHoldMs()), config.faults_oversizedBytes()));
    }

    // ${karaf.etc} is resolved here as well, so the default works whether or not the config file sets it.
    static Path clientsDir(String configured) {
        String etc = System.getProperty("karaf.etc", "etc");
        String value = configured == null || configured.isBlank() ? "${karaf.etc}/kjernebro/helseid-clients" : configured;
        return Path.of(value.replace("${karaf.etc}", etc));
    }
}
