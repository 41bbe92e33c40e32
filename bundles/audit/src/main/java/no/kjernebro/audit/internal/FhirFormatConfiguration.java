package no.kjernebro.audit.internal;

/**
 * The keys of PID {@code no.kjernebro.audit} that rendering reads. No metatype of its own: the PID's
 * metatype is {@link AuditConfiguration}, which lists every key.
 */
@interface FhirFormatConfiguration {

    /** The name Kjernebro gives itself in AuditEvents (server agent, source observer); best the host name. */
    String server_name() default "kjernebro";
}
