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
}
