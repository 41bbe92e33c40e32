package no.kjernebro.audit.internal.forward;

/**
 * The forwarding keys of PID {@code no.kjernebro.audit} (an underscore stands for a dot). No metatype of
 * its own: the PID's metatype is the audit log's {@code AuditConfiguration}.
 */
@interface ForwardConfiguration {

    /** Forward committed records as FHIR AuditEvents. */
    boolean forward_enabled() default true;

    /** Where AuditEvents are POSTed. */
    String forward_url() default "http://localhost:8190/fhir/AuditEvent";

    /** Pause between polls of the outbox when it is empty, in milliseconds. */
    long forward_intervalMs() default 2000;

    /** Most records read from the outbox in one round. */
    int forward_batchSize() default 100;

    /** POSTs in flight at once. */
    int forward_concurrency() default 4;

    /** Connect and request timeout of one POST, in milliseconds. */
    long forward_timeoutMs() default 5000;

    /**
     * File holding the bearer token sent with each POST (read at (re)configuration); empty for none.
     * Preferred: a token in the configuration itself would be published with the services' properties.
     */
    String forward_bearerTokenFile() default "";

    /** {@code .forward.bearerToken}: a private (leading dot) key, not published as a service property. */
    String _forward_bearerToken() default "";

    /** Deprecated: visible in the services' properties; honoured with a warning. */
    String forward_bearerToken() default "";

    /** First wait after a failed delivery, in milliseconds; doubled per further failure. */
    long forward_retry_initialMs() default 2000;

    /** Longest wait between attempts, in milliseconds. */
    long forward_retry_maxMs() default 300_000;

    /** Share of each wait taken off at random (0 to 1), so nodes and records do not retry in step. */
    double forward_retry_jitter() default 0.2;

    /** The name Kjernebro gives itself in AuditEvents. */
    String server_name() default "kjernebro";
}
