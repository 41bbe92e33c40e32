package no.kjernebro.medicationsweep.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code no.kjernebro.sweeps}; an underscore stands for a dot in the key. */
@ObjectClassDefinition(name = "Kjernebro medication sweep",
        description = "Durable patient lists and batched Legemiddelvarsling sweeps per municipality")
@interface SweepServiceConfiguration {

    @AttributeDefinition(description = "Filter selecting the DataSource for the kjb_sweep_* tables (the audit database)")
    String dataSource_target() default "(dataSourceName=kjernebro-audit)";

    @AttributeDefinition(description = "Sweeps of different municipalities that run at the same time", min = "1")
    int workers() default 2;

    @AttributeDefinition(description = "Most patients on one municipality's list", min = "1")
    long maxPatients() default 400_000;

    @AttributeDefinition(description = "Pause after the first failed attempt of a batch, in milliseconds (doubles per attempt)")
    long retry_initialDelayMs() default 1000;

    @AttributeDefinition(description = "Longest pause between attempts of a batch, in milliseconds")
    long retry_maxDelayMs() default 60_000;

    @AttributeDefinition(description = "Failed attempts of one batch before the sweep is INTERRUPTED (resumable)", min = "1")
    int retry_maxAttempts() default 10;

    @AttributeDefinition(description = "Ended sweeps kept per municipality with their findings", min = "1")
    int keepSweeps() default 20;

    @AttributeDefinition(description = "Connect and answer timeout of a callback POST, in milliseconds")
    long callback_timeoutMs() default 5000;

    @AttributeDefinition(description = "Attempts to deliver one callback before giving up", min = "1")
    int callback_maxAttempts() default 8;

    @AttributeDefinition(description = "Longest pause between callback attempts, in milliseconds")
    long callback_maxDelayMs() default 600_000;
}
