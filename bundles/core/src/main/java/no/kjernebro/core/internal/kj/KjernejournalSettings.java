package no.kjernebro.core.internal.kj;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where kjernejournal is and how patient the client is with it, read from the configuration of PID
 * {@code no.kjernebro.kjernejournal} (keys and defaults in docs/kjernejournal-client.md). Per-API
 * values are {@code <api>.<key>} (e.g. {@code fhir.responseTimeoutMs}) and fall back to the global
 * {@code <key>}.
 */
public record KjernejournalSettings(
        String baseUrl,
        String helseindikatorPath,
        String fhirPath,
        String legemidlerPath,
        String legemiddelvarslingPath,
        String epjSystemHeader,
        String scope,
        int legemiddelHistorikkMaaneder,
        boolean utvidetOppslag,
        boolean sendSamtykke,
        List<FhirHeader> fhirHeaders,
        int legemiddelvarslingMaxBatchSize,
        Duration ticketReuse,
        Duration ticketValidity,
        int ticketMaxEntries,
        Duration lookupDeadline,
        long retryBaseDelayMs,
        long retryMaxDelayMs,
        int bulkheadMaxConcurrent,
        long bulkheadMaxWaitMs,
        Duration defaultRetryAfter,
        Duration maxRetryAfter,
        Map<Upstream, UpstreamSettings> upstreams) {

    public static final String DEFAULT_BASE_URL = "http://localhost:8190";
    public static final String DEFAULT_HELSEINDIKATOR_PATH = "/v1/helseindikator";
    public static final String DEFAULT_FHIR_PATH = "/v1/fhir/Patient/$everything";
    public static final String DEFAULT_LEGEMIDLER_PATH = "/v1/legemidler";
    /** The simulator's path; verify against NHN's documentation before pointing at NHN. */
    public static final String DEFAULT_LEGEMIDDELVARSLING_PATH = "/v1/legemiddelvarsling";
    public static final int DEFAULT_LEGEMIDDELVARSLING_MAX_BATCH_SIZE = 100;
    public static final String DEFAULT_SCOPE = "nhn:kjernejournal/api";
    public static final String DEFAULT_EPJ_SYSTEM_HEADER = "X-EPJ-System";
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 2000;
    public static final int DEFAULT_RESPONSE_TIMEOUT_MS = 5000;
    public static final int DEFAULT_LEGEMIDDELVARSLING_RESPONSE_TIMEOUT_MS = 15000;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 1L << 20;
    public static final long DEFAULT_LARGE_RESPONSE_BYTES = 4L << 20;
    public static final int DEFAULT_BREAKER_WINDOW = 10;
    public static final int DEFAULT_BREAKER_MINIMUM_CALLS = 5;
    public static final int DEFAULT_BREAKER_FAILURE_RATE = 50;
    public static final int DEFAULT_BREAKER_OPEN_SECONDS = 30;
    public static final int DEFAULT_BREAKER_HALF_OPEN_PROBES = 2;
    public static final int DEFAULT_LOOKUP_DEADLINE_MS = 10000;
    public static final int DEFAULT_RETRY_BASE_DELAY_MS = 200;
    public static final int DEFAULT_RETRY_MAX_DELAY_MS = 2000;
    public static final int DEFAULT_BULKHEAD_MAX_CONCURRENT = 10;
    public static final int DEFAULT_BULKHEAD_MAX_WAIT_MS = 500;
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 5;
    public static final int DEFAULT_MAX_RETRY_AFTER_SECONDS = 300;
    public static final int DEFAULT_TICKET_REUSE_SECONDS = 120;
    /** Kjernejournal's tickets live 10 minutes (docs/contracts.md). */
    public static final int DEFAULT_TICKET_VALIDITY_SECONDS = 600;
    public static final int DEFAULT_TICKET_MAX_ENTRIES = 10000;

    public KjernejournalSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("kj.baseUrl must be an http(s) URL: " + baseUrl);
        }
        helseindikatorPath = path(helseindikatorPath, DEFAULT_HELSEINDIKATOR_PATH);
        fhirPath = path(fhirPath, DEFAULT_FHIR_PATH);
        legemidlerPath = path(legemidlerPath, DEFAULT_LEGEMIDLER_PATH);
        legemiddelvarslingPath = path(legemiddelvarslingPath, DEFAULT_LEGEMIDDELVARSLING_PATH);
        if (legemiddelvarslingMaxBatchSize < 1) {
            throw new IllegalArgumentException("legemiddelvarsling.maxBatchSize must be at least 1");
        }
        fhirHeaders = List.copyOf(fhirHeaders);
        upstreams = Map.copyOf(upstreams);
        for (Upstream u : Upstream.values()) {
            if (!upstreams.containsKey(u)) {
                throw new IllegalArgumentException("no settings for " + u.key());
            }
        }
    }

    /** Everything at its default but the base URL: what tests and the simulator setup start from. */
    public static KjernejournalSettings defaults(String baseUrl) {
        return from(Map.of("kj.baseUrl", baseUrl));
    }

    public static KjernejournalSettings from(Map<String, ?> config) {
        Props p = new Props(config);
        Map<Upstream, UpstreamSettings> upstreams = new EnumMap<>(Upstream.class);
        for (Upstream u : Upstream.values()) {
            upstreams.put(u, upstream(p, u));
        }
        return new KjernejournalSettings(
                p.string("kj.baseUrl", DEFAULT_BASE_URL),
                p.string("helseindikator.path", DEFAULT_HELSEINDIKATOR_PATH),
                p.string("fhir.path", DEFAULT_FHIR_PATH),
                p.string("legemidler.path", DEFAULT_LEGEMIDLER_PATH),
                p.string("legemiddelvarsling.path", DEFAULT_LEGEMIDDELVARSLING_PATH),
                p.string("epjSystemHeader", DEFAULT_EPJ_SYSTEM_HEADER),
                p.string("scope", DEFAULT_SCOPE),
                p.integer("legemiddelHistorikkMaaneder", 36),
                p.bool("legemidler.utvidetOppslag", true),
                p.bool("helseindikator.sendSamtykke", true),
                FhirHeader.parse(p.string("fhir.headers", FhirHeader.DEFAULT)),
                p.integer("legemiddelvarsling.maxBatchSize", DEFAULT_LEGEMIDDELVARSLING_MAX_BATCH_SIZE),
                Duration.ofSeconds(Math.max(0, p.number("ticket.reuseSeconds", DEFAULT_TICKET_REUSE_SECONDS))),
                Duration.ofSeconds(Math.max(1, p.number("ticket.validitySeconds", DEFAULT_TICKET_VALIDITY_SECONDS))),
                Math.max(1, p.integer("ticket.maxEntries", DEFAULT_TICKET_MAX_ENTRIES)),
                Duration.ofMillis(Math.max(1, p.number("lookupDeadlineMs", DEFAULT_LOOKUP_DEADLINE_MS))),
                Math.max(0, p.number("retry.baseDelayMs", DEFAULT_RETRY_BASE_DELAY_MS)),
                Math.max(0, p.number("retry.maxDelayMs", DEFAULT_RETRY_MAX_DELAY_MS)),
                p.integer("bulkhead.maxConcurrentPerTenant", DEFAULT_BULKHEAD_MAX_CONCURRENT),
                Math.max(0, p.number("bulkhead.maxWaitMs", DEFAULT_BULKHEAD_MAX_WAIT_MS)),
                Duration.ofSeconds(Math.max(0, p.number("rateLimit.defaultRetryAfterSeconds", DEFAULT_RETRY_AFTER_SECONDS))),
                Duration.ofSeconds(Math.max(1, p.number("rateLimit.maxRetryAfterSeconds", DEFAULT_MAX_RETRY_AFTER_SECONDS))),
                upstreams);
    }

    private static UpstreamSettings upstream(Props p, Upstream u) {
        int responseDefault = u == Upstream.LEGEMIDDELVARSLING
                ? DEFAULT_LEGEMIDDELVARSLING_RESPONSE_TIMEOUT_MS : DEFAULT_RESPONSE_TIMEOUT_MS;
        long bytesDefault = u == Upstream.FHIR || u == Upstream.LEGEMIDDELVARSLING || u == Upstream.LEGEMIDLER
                ? DEFAULT_LARGE_RESPONSE_BYTES : DEFAULT_MAX_RESPONSE_BYTES;
        return new UpstreamSettings(
                (int) p.perApi(u, "connectTimeoutMs", DEFAULT_CONNECT_TIMEOUT_MS),
                (int) p.perApi(u, "responseTimeoutMs", responseDefault),
                (int) p.perApi(u, "maxAttempts", DEFAULT_MAX_ATTEMPTS),
                p.perApi(u, "maxResponseBytes", bytesDefault),
                new CircuitBreaker.Settings(
                        (int) p.perApi(u, "breaker.windowSize", DEFAULT_BREAKER_WINDOW),
                        (int) p.perApi(u, "breaker.minimumCalls", DEFAULT_BREAKER_MINIMUM_CALLS),
                        (int) p.perApi(u, "breaker.failureRatePercent", DEFAULT_BREAKER_FAILURE_RATE),
                        Duration.ofSeconds(Math.max(1, p.perApi(u, "breaker.openSeconds", DEFAULT_BREAKER_OPEN_SECONDS))),
                        (int) p.perApi(u, "breaker.halfOpenProbes", DEFAULT_BREAKER_HALF_OPEN_PROBES)));
    }

    UpstreamSettings upstream(Upstream u) {
        return upstreams.get(u);
    }

    /**
     * How long a Helseindikator ticket is reused: the configured window, but never so long that a
     * reused ticket could expire before the lookup using it is done.
     */
    Duration effectiveTicketReuse() {
        Duration latest = ticketValidity.minus(lookupDeadline);
        if (latest.isNegative()) {
            return Duration.ZERO;
        }
        return ticketReuse.compareTo(latest) > 0 ? latest : ticketReuse;
    }

    private static String path(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return value.startsWith("/") ? value : "/" + value;
    }
}
