package no.kjernebro.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code no.kjernebro.audit}; an underscore in a name stands for a dot in the key. */
@ObjectClassDefinition(name = "Kjernebro audit log",
        description = "Tamper-evident audit store and forwarding of BALP AuditEvents")
@interface AuditConfiguration {

    @AttributeDefinition(description = "Filter selecting the javax.sql.DataSource that holds the audit log")
    String dataSource_target() default "(dataSourceName=kjernebro-audit)";

    @AttributeDefinition(description = "Forward committed records as FHIR AuditEvents")
    boolean forward_enabled() default true;

    @AttributeDefinition(description = "Where AuditEvents are POSTed")
    String forward_url() default "http://localhost:8190/fhir/AuditEvent";

    @AttributeDefinition(description = "Pause between forwarding rounds, in milliseconds")
    long forward_intervalMs() default 2000;

    @AttributeDefinition(description = "Most records sent in one round")
    int forward_batchSize() default 100;

    @AttributeDefinition(description = "Connect and request timeout for one POST, in milliseconds")
    long forward_timeoutMs() default 5000;

    @AttributeDefinition(description = "Bearer token sent with each POST; empty for none",
            type = AttributeType.PASSWORD, required = false)
    String forward_bearerToken() default "";

    @AttributeDefinition(description = "The name this server gives itself in AuditEvents")
    String server_name() default "kjernebro";

    @AttributeDefinition(description = "Longest an append waits for its commit before it fails closed, in milliseconds")
    long store_commitTimeoutMs() default 3000;

    @AttributeDefinition(description = "Most records committed together in one grouped transaction")
    int store_maxGroupSize() default 500;

    @AttributeDefinition(description = "Most records waiting for a commit; beyond that appends fail at once")
    int store_maxQueued() default 10000;

    @AttributeDefinition(description = "H2 only: fsync the database file after every grouped commit"
            + " (CHECKPOINT SYNC; needs an admin user), so commits survive power loss, not only a crash")
    boolean store_h2SyncEachCommit() default false;

    @AttributeDefinition(description = "PKCS#8 PEM file with the EC P-256 or RSA key that signs checkpoints;"
            + " empty: no checkpoints are written (a warning is logged)", required = false)
    String checkpoint_keyFile() default "";

    @AttributeDefinition(description = "Id of the key in checkpoint.keyFile, stored with each checkpoint", required = false)
    String checkpoint_keyId() default "";

    @AttributeDefinition(description = "Seconds between checkpoint rounds (a checkpoint for each chain whose head moved)")
    long checkpoint_intervalSeconds() default 300;

    @AttributeDefinition(description = "Public keys of earlier checkpoint key ids, as keyId=PEM file path or base64 DER",
            required = false)
    String[] checkpoint_trustedKeys() default {};

    @AttributeDefinition(description = "Days records are kept before the retention purge may remove them")
    int retention_days() default 3650;
}
