package no.kjernebro.simulator.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Kjernebro NHN simulator",
        description = "Stand-in for HelseID, kjernejournal and the audit receiver, with synthetic patients")
@interface SimulatorConfiguration {

    @AttributeDefinition(description = "Interface to listen on")
    String host() default "0.0.0.0";

    @AttributeDefinition(description = "HTTP port")
    int port() default 8190;

    @AttributeDefinition(description = "Path of a JSON dataset; empty for the synthetic dataset inside the bundle")
    String dataset() default "";

    @AttributeDefinition(name = "clients.dir",
            description = "Folder of <clientId>.pem RSA public keys; empty for ${karaf.etc}/kjernebro/helseid-clients")
    String clients_dir() default "";

    @AttributeDefinition(description = "Issuer URL put in tokens; client assertions must use issuer + /connect/token as aud")
    String issuer() default "http://localhost:8190";

    @AttributeDefinition(description = "Lifetime of a Helseindikator ticket in seconds")
    long ticketTtlSeconds() default 600;

    @AttributeDefinition(name = "legemiddelvarsling.maxBatchSize",
            description = "Most patients one Legemiddelvarsling request may name; larger requests are answered 400")
    int legemiddelvarsling_maxBatchSize() default 100;

    @AttributeDefinition(name = "legemiddelvarsling.syntheticNewShare",
            description = "For valid identity numbers not in the dataset (load tests): the share with new medication "
                    + "information on any one day, 0 to 1")
    double legemiddelvarsling_syntheticNewShare() default 0.05;

    @AttributeDefinition(name = "dpop.required",
            description = "Only DPoP-bound system tokens (RFC 9449): the token endpoint needs a DPoP proof and the "
                    + "kjernejournal APIs refuse system tokens sent as Bearer. False keeps Bearer clients working")
    boolean dpop_required() default false;

    @AttributeDefinition(name = "dpop.requireNonce",
            description = "DPoP proofs must carry the server's nonce (answered use_dpop_nonce with a DPoP-Nonce header)")
    boolean dpop_requireNonce() default true;

    @AttributeDefinition(name = "dpop.nonceValiditySeconds",
            description = "How long a DPoP nonce is handed out before it rotates (the previous one stays valid one more period)")
    long dpop_nonceValiditySeconds() default 300;

    @AttributeDefinition(name = "dpop.proofMaxAgeSeconds", description = "How old a DPoP proof's iat may be")
    long dpop_proofMaxAgeSeconds() default 60;

    @AttributeDefinition(name = "faults.timeoutHoldMs",
            description = "How long an injected timeout fault holds a request when the fault names no timeoutMs")
    long faults_timeoutHoldMs() default 120_000;

    @AttributeDefinition(name = "faults.oversizedBytes",
            description = "How many bytes an injected oversized fault adds when the fault names none")
    int faults_oversizedBytes() default 16 * 1024 * 1024;
}
