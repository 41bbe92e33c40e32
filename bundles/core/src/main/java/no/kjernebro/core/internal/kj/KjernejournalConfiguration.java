package no.kjernebro.core.internal.kj;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The global keys of PID {@code no.kjernebro.kjernejournal}. Every timeout, retry, response-cap and
 * breaker key can also be set per API as {@code <api>.<key>} with api one of {@code helseindikator},
 * {@code fhir}, {@code legemidler}, {@code legemiddelvarsling}, {@code helseid-token}
 * (docs/kjernejournal-client.md); those are read from the raw configuration.
 */
@ObjectClassDefinition(name = "Kjernebro kjernejournal client",
        description = "Kjernejournal endpoints, headers, tickets, timeouts, retries, circuit breakers and bulkheads")
@interface KjernejournalConfiguration {

    @AttributeDefinition(name = "kj.baseUrl", description = "Kjernejournal API base URL")
    String kj_baseUrl() default KjernejournalSettings.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "helseindikator.path")
    String helseindikator_path() default KjernejournalSettings.DEFAULT_HELSEINDIKATOR_PATH;

    @AttributeDefinition(name = "fhir.path")
    String fhir_path() default KjernejournalSettings.DEFAULT_FHIR_PATH;

    @AttributeDefinition(name = "legemidler.path")
    String legemidler_path() default KjernejournalSettings.DEFAULT_LEGEMIDLER_PATH;

    @AttributeDefinition(name = "legemiddelvarsling.path",
            description = "Path of Legemiddelvarsling under kj.baseUrl (the simulator's; verify against NHN)")
    String legemiddelvarsling_path() default KjernejournalSettings.DEFAULT_LEGEMIDDELVARSLING_PATH;

    @AttributeDefinition(name = "legemiddelvarsling.maxBatchSize",
            description = "Most patients per Legemiddelvarsling request (verify against NHN); longer lists are split")
    int legemiddelvarsling_maxBatchSize() default KjernejournalSettings.DEFAULT_LEGEMIDDELVARSLING_MAX_BATCH_SIZE;

    @AttributeDefinition(description = "Name of the header that names the calling EPJ system")
    String epjSystemHeader() default KjernejournalSettings.DEFAULT_EPJ_SYSTEM_HEADER;

    @AttributeDefinition(description = "Scope of the system token")
    String scope() default KjernejournalSettings.DEFAULT_SCOPE;

    @AttributeDefinition(description = "Months of medication history to ask for (legemiddelFraDato, fra)")
    int legemiddelHistorikkMaaneder() default 36;

    @AttributeDefinition(name = "legemidler.utvidetOppslag", description = "Value of utvidet-oppslag")
    boolean legemidler_utvidetOppslag() default true;

    @AttributeDefinition(name = "helseindikator.sendSamtykke",
            description = "Send the access basis to Helseindikator so the ticket carries it")
    boolean helseindikator_sendSamtykke() default true;

    @AttributeDefinition(name = "fhir.headers",
            description = "Headers of the critical-information call, <Header-Name>=<source>, comma separated; sources: "
                    + "ticket, samtykke, samtykkeVedAvvik, sperretKritiskInfo, brukerrolle, pasient, epjSystem, hendelse")
    String fhir_headers() default FhirHeader.DEFAULT;

    @AttributeDefinition(name = "ticket.reuseSeconds",
            description = "Reuse a Helseindikator ticket for the same tenant, patient and consents this long (0 = never)")
    int ticket_reuseSeconds() default KjernejournalSettings.DEFAULT_TICKET_REUSE_SECONDS;

    @AttributeDefinition(name = "ticket.validitySeconds", description = "How long kjernejournal's tickets are valid")
    int ticket_validitySeconds() default KjernejournalSettings.DEFAULT_TICKET_VALIDITY_SECONDS;

    @AttributeDefinition(name = "ticket.maxEntries", description = "Most tickets kept")
    int ticket_maxEntries() default KjernejournalSettings.DEFAULT_TICKET_MAX_ENTRIES;

    @AttributeDefinition(description = "All calls of one lookup, retries and waits included, ms")
    int lookupDeadlineMs() default KjernejournalSettings.DEFAULT_LOOKUP_DEADLINE_MS;

    @AttributeDefinition(description = "TCP connect timeout, ms (per API: <api>.connectTimeoutMs)")
    int connectTimeoutMs() default KjernejournalSettings.DEFAULT_CONNECT_TIMEOUT_MS;

    @AttributeDefinition(description = "Time for a whole answer, ms (per API: <api>.responseTimeoutMs)")
    int responseTimeoutMs() default KjernejournalSettings.DEFAULT_RESPONSE_TIMEOUT_MS;

    @AttributeDefinition(description = "Attempts of an idempotent call (GET, token) in all (per API: <api>.maxAttempts)")
    int maxAttempts() default KjernejournalSettings.DEFAULT_MAX_ATTEMPTS;

    @AttributeDefinition(description = "Largest answer read, bytes (per API: <api>.maxResponseBytes)")
    long maxResponseBytes() default KjernejournalSettings.DEFAULT_MAX_RESPONSE_BYTES;

    @AttributeDefinition(name = "retry.baseDelayMs", description = "Backoff before the 2nd attempt at most this (full jitter)")
    int retry_baseDelayMs() default KjernejournalSettings.DEFAULT_RETRY_BASE_DELAY_MS;

    @AttributeDefinition(name = "retry.maxDelayMs", description = "Longest backoff")
    int retry_maxDelayMs() default KjernejournalSettings.DEFAULT_RETRY_MAX_DELAY_MS;

    @AttributeDefinition(name = "breaker.windowSize", description = "Calls remembered per API breaker")
    int breaker_windowSize() default KjernejournalSettings.DEFAULT_BREAKER_WINDOW;

    @AttributeDefinition(name = "breaker.minimumCalls", description = "Calls needed before the breaker may open")
    int breaker_minimumCalls() default KjernejournalSettings.DEFAULT_BREAKER_MINIMUM_CALLS;

    @AttributeDefinition(name = "breaker.failureRatePercent", description = "Failure share that opens the breaker")
    int breaker_failureRatePercent() default KjernejournalSettings.DEFAULT_BREAKER_FAILURE_RATE;

    @AttributeDefinition(name = "breaker.openSeconds", description = "Fail fast this long before probing")
    int breaker_openSeconds() default KjernejournalSettings.DEFAULT_BREAKER_OPEN_SECONDS;

    @AttributeDefinition(name = "breaker.halfOpenProbes", description = "Successful probes that close the breaker")
    int breaker_halfOpenProbes() default KjernejournalSettings.DEFAULT_BREAKER_HALF_OPEN_PROBES;

    @AttributeDefinition(name = "bulkhead.maxConcurrentPerTenant", description = "Upstream calls in flight per municipality")
    int bulkhead_maxConcurrentPerTenant() default KjernejournalSettings.DEFAULT_BULKHEAD_MAX_CONCURRENT;

    @AttributeDefinition(name = "bulkhead.maxWaitMs", description = "Wait for a place in the bulkhead, then TOO_MANY_REQUESTS")
    int bulkhead_maxWaitMs() default KjernejournalSettings.DEFAULT_BULKHEAD_MAX_WAIT_MS;

    @AttributeDefinition(name = "rateLimit.defaultRetryAfterSeconds", description = "Cool-down after a 429 without Retry-After")
    int rateLimit_defaultRetryAfterSeconds() default KjernejournalSettings.DEFAULT_RETRY_AFTER_SECONDS;

    @AttributeDefinition(name = "rateLimit.maxRetryAfterSeconds", description = "Longest cool-down a Retry-After may ask for")
    int rateLimit_maxRetryAfterSeconds() default KjernejournalSettings.DEFAULT_MAX_RETRY_AFTER_SECONDS;
}
